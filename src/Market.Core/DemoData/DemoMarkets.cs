using System.Globalization;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Territory;

namespace Market.Core.DemoData;

/// <summary>
/// The public spaces of mercados-demo.csv with series from tomorrow for eight weeks, cut short where a rule would be broken,
/// and the demo market vendors with approved stalls, so a first run shows living markets.
/// </summary>
internal static class DemoMarkets
{
    public const int WeeksAhead = 8;
    private static readonly Money DemoFee = new(100);

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miércoles"] = DayOfWeek.Wednesday, ["jueves"] = DayOfWeek.Thursday,
        ["viernes"] = DayOfWeek.Friday, ["sábado"] = DayOfWeek.Saturday, ["sábados"] = DayOfWeek.Saturday,
        ["domingo"] = DayOfWeek.Sunday, ["domingos"] = DayOfWeek.Sunday,
    };

    public static async Task<int> AddAsync(MarketDbContext db, DemoCatalog catalog, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var rows = DemoFiles.Markets();
        var planned = new List<(MarketRow Row, PublicSpace Space, SeriesSchedule Schedule)>();
        foreach (var row in rows)
        {
            var municipality = catalog.MunicipalitiesByCode[row.MunicipalityCode];
            var space = PublicSpace.Register(municipality.Id, Details(row, municipality));
            planned.Add((row, space, Schedule(row.Usual, today.AddDays(1), today.AddDays(7 * WeeksAhead))));
            db.PublicSpaces.Add(space);
        }
        foreach (var code in rows.Select(r => r.MunicipalityCode).Distinct())
        {
            var limits = MarketLimits.Default(catalog.MunicipalitiesByCode[code].Id);
            limits.Change(MarketLimits.DefaultDaysPerMonth, MarketLimits.DefaultConsecutiveDays, DemoFee);
            db.MarketLimits.Add(limits);
        }
        await db.SaveChangesAsync(ct);

        var series = planned.Select(p => (p.Row, p.Space, Series: MarketSeries.Create(p.Space, Obeying(p.Space, p.Schedule), now))).ToList();
        db.MarketSeries.AddRange(series.Select(s => s.Series));
        await db.SaveChangesAsync(ct);

        var vendors = Vendors(catalog, rows);
        var stalls = 0;
        foreach (var (row, space, s) in series)
        {
            foreach (var day in s.Days)
            {
                var number = 1;
                foreach (var vendor in vendors[row.Name])
                {
                    var application = StallApplication.Apply(day, vendor, s.Id, now);
                    application.Approve(number++, space, DemoFee);
                    db.StallApplications.Add(application);
                    stalls++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return stalls;
    }

    /// <summary>"sábados y domingos 16:00-22:00", "primer domingo del mes 08:00-13:00": weekdays, or the first such day of the month.</summary>
    internal static SeriesSchedule Schedule(string usual, DateOnly first, DateOnly last)
    {
        var words = usual.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hours = words[^1].Split('-');
        var opens = TimeOnly.ParseExact(hours[0], "HH:mm", CultureInfo.InvariantCulture);
        var closes = TimeOnly.ParseExact(hours[1], "HH:mm", CultureInfo.InvariantCulture);
        var days = words.Where(Weekdays.ContainsKey).Select(w => Weekdays[w]).ToList();
        return words[0] == "primer"
            ? SeriesSchedule.Monthly(1, days[0], first, last, opens, closes)
            : SeriesSchedule.Weekly(days, first, last, opens, closes);
    }

    /// <summary>The schedule up to the day before its first date that would break a rule (a fifth weekend in a month, say).</summary>
    private static SeriesSchedule Obeying(PublicSpace space, SeriesSchedule schedule)
    {
        var breaks = TemporarinessRules.Check(space, MarketLimits.Default(space.MunicipalityId), [],
            [.. schedule.Dates().Select(d => new DayPlan(d, schedule.Opens, schedule.Closes))]);
        return breaks.Count == 0 ? schedule : schedule with { Last = breaks[0].Date.AddDays(-1) };
    }

    private static SpaceDetails Details(MarketRow row, Municipality municipality)
    {
        var street = row.Kind == PublicSpaceKind.Calle;
        TimeOnly? from = null, until = null;
        if (street)
        {
            var allowed = row.StreetHours.Split('-');
            from = TimeOnly.ParseExact(allowed[0], "HH:mm", CultureInfo.InvariantCulture);
            until = TimeOnly.ParseExact(allowed[1], "HH:mm", CultureInfo.InvariantCulture);
        }
        // Within about 700 m of the municipality's centre, always the same place.
        return new SpaceDetails(row.Name, row.Kind, $"{row.Name}, centro de {municipality.Name}",
            Math.Round(municipality.Latitude + (StableHash.Fraction(row.Name + "|lat") - 0.5) * 0.012, 6),
            Math.Round(municipality.Longitude + (StableHash.Fraction(row.Name + "|lng") - 0.5) * 0.012, 6),
            row.Stalls, street ? row.StreetUse : null, from, until);
    }

    /// <summary>Each space gets its municipality's vendors; vendors of municipalities without a space go to spaces that have none.</summary>
    private static Dictionary<string, List<Shop>> Vendors(DemoCatalog catalog, IReadOnlyList<MarketRow> rows)
    {
        var vendors = catalog.Shops.Where(s => s.Shop.Kind == ShopKind.MarketVendor).ToList();
        var bySpace = rows.ToDictionary(r => r.Name, r => vendors.Where(v => v.Row.MunicipalityCode == r.MunicipalityCode).Select(v => v.Shop).ToList(), StringComparer.Ordinal);
        var homeless = new Queue<Shop>(vendors.Where(v => rows.All(r => r.MunicipalityCode != v.Row.MunicipalityCode)).Select(v => v.Shop));
        foreach (var row in rows.Where(r => bySpace[r.Name].Count == 0))
        {
            if (homeless.TryDequeue(out var vendor))
            {
                bySpace[row.Name].Add(vendor);
            }
        }
        return bySpace;
    }
}
