using System.Diagnostics;
using Market.Bench;
using Market.Core;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Territory;
using Market.MarketDaysBench;
using Microsoft.EntityFrameworkCore;

// Validates a year of weekly market series on every space of the metropolitan area against the temporariness rules:
// first in memory (expansion with Ical.Net + rules), then as staff do it, against a real SQLite database that
// already holds the days scheduled before (lock the space, read its days, check, store the series).
MarketDaysBenchOptions options;
try
{
    options = MarketDaysBenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(MarketDaysBenchOptions.Usage);
    return 2;
}

MachineInfo.PrintStart(Console.Out, "Mercado Cercano market days benchmark");
var first = ElSalvadorTime.Today(TimeProvider.System).AddDays(1);
var last = first.AddDays(7 * options.Weeks - 1);
var schedule = SeriesSchedule.Weekly([DayOfWeek.Saturday], first, last, new TimeOnly(7, 0), new TimeOnly(13, 0));
var spaceCount = options.Municipalities * options.SpacesEach;

// In memory: every space expands its series and is checked against the rules, with nothing scheduled before.
var spaces = Enumerable.Range(0, spaceCount).Select(i => PublicSpace.Register(1 + i / options.SpacesEach,
    new SpaceDetails($"Plaza {i}", i % 5 == 0 ? PublicSpaceKind.Calle : PublicSpaceKind.Plaza, "Centro", 13.7, -89.2, 40,
        i % 5 == 0 ? StreetUse.SharedStreet : null, i % 5 == 0 ? new TimeOnly(6, 0) : null, i % 5 == 0 ? new TimeOnly(15, 0) : null))).ToList();
var memoryTimes = new List<double>();
var memoryDays = 0;
var memoryBroken = 0;
for (var run = 0; run < options.Runs; run++)
{
    var started = Stopwatch.GetTimestamp();
    memoryDays = 0;
    memoryBroken = 0;
    foreach (var space in spaces)
    {
        var plans = schedule.Dates().Select(d => new DayPlan(d, schedule.Opens, schedule.Closes)).ToList();
        if (TemporarinessRules.Check(space, MarketLimits.Default(space.MunicipalityId), [], plans).Count > 0)
        {
            memoryBroken++;
        }
        memoryDays += plans.Count;
    }
    memoryTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
memoryTimes.Sort();

// Against SQLite, as staff schedule: one series per space, then a second (overlapping) year on every space, which must be refused.
var folder = Directory.CreateTempSubdirectory("market-daysbench-");
try
{
    var dbOptions = new DbContextOptionsBuilder<SqliteMarketDbContext>().UseSqlite($"Data Source={Path.Combine(folder.FullName, "bench.db")}").Options;
    await using (var setup = new SqliteMarketDbContext(dbOptions, TimeProvider.System))
    {
        await setup.Database.MigrateAsync();
        setup.Municipalities.AddRange(Enumerable.Range(1, options.Municipalities).Select(i => new Municipality { Code = $"M{i}", Name = $"Municipio {i}" }));
        await setup.SaveChangesAsync();
        setup.PublicSpaces.AddRange(spaces);
        await setup.SaveChangesAsync();
    }
    var ids = spaces.Select(s => s.Id).ToList();

    var (storeSeconds, stored, storeRefused) = await ScheduleAllAsync(dbOptions, ids, schedule);
    var (checkSeconds, overlapping, refused) = await ScheduleAllAsync(dbOptions, ids, schedule with { Opens = new TimeOnly(10, 0), Closes = new TimeOnly(12, 0) });
    await using var count = new SqliteMarketDbContext(dbOptions, TimeProvider.System);
    var daysStored = await count.MarketDays.CountAsync();

    var ms = (double v) => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    Console.WriteLine($"""
          plan           a weekly Saturday series 07:00-13:00 for {options.Weeks} weeks ({first:yyyy-MM-dd} to {last:yyyy-MM-dd})
                         on {options.Municipalities} municipalities x {options.SpacesEach} spaces = {spaceCount} spaces (every fifth a street, 06:00-15:00)

        in memory (Ical.Net expansion + rules), median of {options.Runs} runs:
          all {spaceCount} series, {memoryDays} market days   {ms(memoryTimes[memoryTimes.Count / 2])} ms ({ms(memoryTimes[memoryTimes.Count / 2] * 1000 / spaceCount)} µs per series)

        against SQLite, one space at a time as staff do (transaction, space lock, read its days, check, store):
          first year, {stored} series stored, {daysStored} days     {ms(storeSeconds * 1000)} ms ({ms(storeSeconds * 1000 / spaceCount)} ms per series)
          second year overlapping, {refused} refused       {ms(checkSeconds * 1000)} ms ({ms(checkSeconds * 1000 / spaceCount)} ms per series)

        """);
    List<string> failures =
    [
        .. memoryBroken > 0 ? [$"{memoryBroken} of {spaceCount} weekly series broke a rule in memory; none should"] : Array.Empty<string>(),
        .. storeRefused > 0 ? [$"{storeRefused} of {spaceCount} first series were refused; none should be"] : Array.Empty<string>(),
        .. overlapping > 0 ? [$"{overlapping} of {spaceCount} overlapping series were stored; all should be refused"] : Array.Empty<string>(),
    ];
    return MachineInfo.PrintEnd(Console.Out, failures, "every first series stored, every overlapping one refused");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static async Task<(double Seconds, int Stored, int Refused)> ScheduleAllAsync(DbContextOptions<SqliteMarketDbContext> options, List<int> spaceIds, SeriesSchedule schedule)
{
    var stored = 0;
    var refused = 0;
    var started = Stopwatch.GetTimestamp();
    foreach (var id in spaceIds)
    {
        await using var db = new SqliteMarketDbContext(options, TimeProvider.System);
        await using var tx = await db.Database.BeginTransactionAsync();
        await MarketDayRules.LockSpaceAsync(db, id, default);
        var space = await db.PublicSpaces.SingleAsync(s => s.Id == id);
        var breaks = await MarketDayRules.CheckAsync(db, space, [.. schedule.Dates().Select(d => new DayPlan(d, schedule.Opens, schedule.Closes))], null, default);
        if (breaks.Count > 0)
        {
            refused++;
            continue;
        }
        db.MarketSeries.Add(MarketSeries.Create(space, schedule, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        stored++;
    }
    return (Stopwatch.GetElapsedTime(started).TotalSeconds, stored, refused);
}
