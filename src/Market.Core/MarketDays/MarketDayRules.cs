using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Core.MarketDays;

/// <summary>A rule broken on one of a municipality's spaces, named for the staff who must move or cancel the day.</summary>
public sealed record SpaceRuleBreak(string Space, RuleBreak Break);

/// <summary>Runs the market-day rules against what the database holds for the space.</summary>
public static class MarketDayRules
{
    /// <summary>
    /// Call inside a transaction before checking: a no-op update of the space's row makes a second schedule change for the same
    /// space wait (PostgreSQL row lock; SQLite write lock) so two changes cannot both pass the rules unseen by each other.
    /// </summary>
    public static Task LockSpaceAsync(MarketDbContext db, int spaceId, CancellationToken ct) =>
        db.PublicSpaces.Where(s => s.Id == spaceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, s => s.Capacity), ct);

    /// <summary>Locks the space as above, then reads it again: an edit saved while this change waited is what the rules must see.</summary>
    public static async Task LockSpaceAsync(MarketDbContext db, PublicSpace space, CancellationToken ct)
    {
        await LockSpaceAsync(db, space.Id, ct);
        await db.Entry(space).ReloadAsync(ct);
    }

    /// <summary>The same lock on every space of a municipality, for a change of its limits.</summary>
    public static Task LockMunicipalityAsync(MarketDbContext db, int municipalityId, CancellationToken ct) =>
        db.PublicSpaces.Where(s => s.MunicipalityId == municipalityId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, s => s.Capacity), ct);

    /// <param name="replacing">A day being moved: it does not count against itself.</param>
    public static async Task<IReadOnlyList<RuleBreak>> CheckAsync(MarketDbContext db, PublicSpace space, IReadOnlyList<DayPlan> proposed,
        int? replacing, CancellationToken ct)
    {
        if (proposed.Count == 0)
        {
            return [];
        }
        // Only the months touched matter (and a few days either side for a run of consecutive days).
        var from = new DateOnly(proposed.Min(p => p.Date).Year, proposed.Min(p => p.Date).Month, 1).AddDays(-31);
        var to = proposed.Max(p => p.Date).AddDays(31);
        var existing = await db.MarketDays
            .Where(d => d.PublicSpaceId == space.Id && d.Status == MarketDayStatus.Scheduled && d.Date >= from && d.Date <= to && d.Id != (replacing ?? 0))
            .Select(d => new DayPlan(d.Date, d.Opens, d.Closes))
            .ToListAsync(ct);
        var limits = await db.MarketLimits.SingleOrDefaultAsync(l => l.MunicipalityId == space.MunicipalityId, ct)
            ?? MarketLimits.Default(space.MunicipalityId);
        return TemporarinessRules.Check(space, limits, existing, proposed);
    }

    /// <summary>Runs <see cref="SpaceChangeRules"/> against the space's scheduled days that are not over and the stalls held on them.</summary>
    public static async Task<IReadOnlyList<RuleBreak>> CheckChangeAsync(MarketDbContext db, PublicSpace space, SpaceDetails details, DateTimeOffset now,
        CancellationToken ct)
    {
        var days = await db.MarketDays.Where(d => d.PublicSpaceId == space.Id && d.Status == MarketDayStatus.Scheduled && d.EndsAt > now)
            .Select(d => new { d.Id, Plan = new DayPlan(d.Date, d.Opens, d.Closes) })
            .ToListAsync(ct);
        var stalls = await db.StallApplications
            .Where(a => a.StallNumber != null && a.MarketDay.PublicSpaceId == space.Id && a.MarketDay.Status == MarketDayStatus.Scheduled && a.MarketDay.EndsAt > now)
            .Select(a => new { a.MarketDayId, Stall = new HeldStall(a.StallNumber!.Value, a.Shop.Name) })
            .ToListAsync(ct);
        var held = stalls.ToLookup(s => s.MarketDayId, s => s.Stall);
        return SpaceChangeRules.Check(space, details, [.. days.Select(d => new UpcomingDay(d.Plan, [.. held[d.Id]]))]);
    }

    /// <summary>
    /// Runs <see cref="TemporarinessRules.CheckLimits"/> on every space of the municipality, over its days from the start of
    /// <paramref name="today"/>'s month (and the month before, for a run of days that crosses into it).
    /// </summary>
    public static async Task<IReadOnlyList<SpaceRuleBreak>> CheckLimitsAsync(MarketDbContext db, MarketLimits current, MarketLimits proposed,
        DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(today.Year, today.Month, 1).AddDays(-31);
        var days = await db.MarketDays
            .Where(d => d.PublicSpace.MunicipalityId == proposed.MunicipalityId && d.Status == MarketDayStatus.Scheduled && d.Date >= from)
            .Select(d => new { d.PublicSpaceId, Space = d.PublicSpace.Name, Plan = new DayPlan(d.Date, d.Opens, d.Closes) })
            .ToListAsync(ct);
        return [.. days.GroupBy(d => (d.PublicSpaceId, d.Space)).OrderBy(g => g.Key.Space, SpanishOrder.Names)
            .SelectMany(g => TemporarinessRules.CheckLimits(current, proposed, g.Select(d => d.Plan), today).Select(b => new SpaceRuleBreak(g.Key.Space, b)))];
    }
}
