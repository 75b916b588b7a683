namespace Market.Core.MarketDays;

/// <summary>A stall held (approved or offered) on a market day, and the vendor who holds it.</summary>
public sealed record HeldStall(int Number, string Vendor);

/// <summary>A scheduled market day that is not over yet, and the stalls held on it.</summary>
public sealed record UpcomingDay(DayPlan Plan, IReadOnlyList<HeldStall> Stalls);

/// <summary>
/// What an edit of a public space would break among its market days still to come: a held stall beyond the new capacity, or, on a
/// street, a day outside the new allowed hours. Such an edit is refused rather than moving vendors off their stalls. Only what the
/// edit itself breaks counts, so a day that was out of rule before does not stop staff from correcting the address.
/// </summary>
public static class SpaceChangeRules
{
    public const string StallOutside = "Spaces.StallOutside";
    public const string DayOutsideHours = "Spaces.DayOutsideHours";

    /// <param name="details">The edit, already checked with <see cref="SpaceDetails.Problems"/>.</param>
    public static IReadOnlyList<RuleBreak> Check(PublicSpace space, SpaceDetails details, IEnumerable<UpcomingDay> upcoming)
    {
        // The space as the edit would leave it, to ask the same questions of; never stored.
        var changed = PublicSpace.Register(space.MunicipalityId, details);
        var breaks = new List<RuleBreak>();
        foreach (var day in upcoming.OrderBy(d => d.Plan.Date).ThenBy(d => d.Plan.Opens))
        {
            var (date, opens, closes) = day.Plan;
            if (space.Allows(opens, closes) && !changed.Allows(opens, closes))
            {
                breaks.Add(new RuleBreak(date, DayOutsideHours, opens, closes, changed.StreetOpens!.Value, changed.StreetCloses!.Value));
            }
            breaks.AddRange(day.Stalls.Where(s => space.HasStall(s.Number) && !changed.HasStall(s.Number)).OrderBy(s => s.Number)
                .Select(s => new RuleBreak(date, StallOutside, s.Number, s.Vendor, changed.Capacity)));
        }
        return breaks;
    }
}
