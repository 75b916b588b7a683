using Market.Admin.ShopApprovals;
using Market.Admin.Staff;
using Market.Core;
using Market.Core.Data;
using Market.Core.MarketDays;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>Staff schedule a series of market days on a space; a series that breaks a rule is refused whole.</summary>
public sealed record CreateSeries(int SpaceId, SeriesSchedule Schedule, int? StaffMunicipality);

public sealed record SeriesResult(StaffOutcome Outcome, int Days = 0, IReadOnlyList<string>? Problems = null, IReadOnlyList<RuleBreak>? Breaks = null);

public sealed class CreateSeriesHandler(MarketDbContext db, TimeProvider clock, AuditTrail audit)
{
    public async Task<SeriesResult> HandleAsync(CreateSeries command, CancellationToken ct)
    {
        var space = await db.PublicSpaces.SingleOrDefaultAsync(s => s.Id == command.SpaceId, ct);
        if (space is null)
        {
            return new(StaffOutcome.NotFound);
        }
        if (command.StaffMunicipality is { } own && space.MunicipalityId != own)
        {
            return new(StaffOutcome.Forbidden);
        }
        var problems = command.Schedule.Problems().ToList();
        // The rule is expanded once, here; the rules and the past-date check read the days it made.
        var series = MarketSeries.Create(space, command.Schedule, clock.GetUtcNow());
        List<DateOnly> dates = [.. series.Days.Select(d => d.Date)];
        if (problems.Count == 0 && dates.Count == 0)
        {
            problems.Add("Series.NoDates");
        }
        if (problems.Count == 0 && dates[0] <= ElSalvadorTime.Today(clock))
        {
            problems.Add("Series.StartsInThePast");
        }
        if (problems.Count > 0)
        {
            return new(StaffOutcome.Refused, Problems: problems);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MarketDayRules.LockSpaceAsync(db, space, ct);
        var breaks = await MarketDayRules.CheckAsync(db, space, [.. dates.Select(d => new DayPlan(d, command.Schedule.Opens, command.Schedule.Closes))], null, ct);
        if (breaks.Count > 0)
        {
            return new(StaffOutcome.Refused, Breaks: breaks);
        }
        db.MarketSeries.Add(series);
        await db.SaveChangesAsync(ct);
        audit.Record("series.create", $"series:{series.Id}", space.MunicipalityId, null,
            new { Space = space.Name, series.Pattern, series.Rule, series.FirstDate, series.LastDate, series.Opens, series.Closes, Days = series.Days.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(StaffOutcome.Done, series.Days.Count);
    }
}
