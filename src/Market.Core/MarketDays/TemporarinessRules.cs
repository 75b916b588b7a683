namespace Market.Core.MarketDays;

/// <summary>One proposed date and the rule it breaks (a message key with its arguments).</summary>
public sealed record RuleBreak(DateOnly Date, string Rule, params object[] Args);

/// <summary>
/// The rules that keep a market in public space temporary (Strategy 2.2 b): no two days overlap on one space, at most
/// N days per space per calendar month, at most M consecutive days, and a street only inside its allowed hours.
/// </summary>
public static class TemporarinessRules
{
    public const string Overlap = "MarketDays.Overlap";
    public const string MonthLimit = "MarketDays.MonthLimit";
    public const string ConsecutiveLimit = "MarketDays.ConsecutiveLimit";
    public const string StreetHours = "MarketDays.StreetHours";

    /// <param name="existing">The space's scheduled (not cancelled) days, without the ones being replaced.</param>
    /// <param name="proposed">The days to add to the space.</param>
    public static IReadOnlyList<RuleBreak> Check(PublicSpace space, MarketLimits limits, IEnumerable<DayPlan> existing, IReadOnlyList<DayPlan> proposed)
    {
        var breaks = new List<RuleBreak>();
        if (space.Kind == PublicSpaceKind.Calle)
        {
            breaks.AddRange(proposed.Where(p => !space.Allows(p.Opens, p.Closes))
                .Select(p => new RuleBreak(p.Date, StreetHours, space.StreetOpens!.Value, space.StreetCloses!.Value)));
        }

        var byDate = existing.Select(d => (Day: d, IsNew: false)).Concat(proposed.Select(d => (Day: d, IsNew: true)))
            .GroupBy(d => d.Day.Date).OrderBy(g => g.Key).ToList();
        foreach (var date in byDate)
        {
            var days = date.ToList();
            var clash = false;
            for (var i = 0; i < days.Count; i++)
            {
                for (var j = i + 1; j < days.Count; j++)
                {
                    clash |= (days[i].IsNew || days[j].IsNew)
                        && days[i].Day.Opens < days[j].Day.Closes && days[j].Day.Opens < days[i].Day.Closes;
                }
            }
            if (clash)
            {
                breaks.Add(new RuleBreak(date.Key, Overlap));
            }
        }

        // Limits count dates, not days: two short markets on one date are one date of use.
        breaks.AddRange(LimitBreaks(limits, [.. byDate.Select(g => (g.Key, g.Any(d => d.IsNew)))]));
        return [.. breaks.OrderBy(b => b.Date).ThenBy(b => b.Rule, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The days already scheduled that stricter limits would put over them. Days before <paramref name="today"/> keep their place
    /// (they happened, and still count toward their month and run); the later dates beyond a limit are the ones listed. Only a
    /// lowered limit is checked, so raising one or changing the fee never fails on days that were out of rule before.
    /// </summary>
    public static IReadOnlyList<RuleBreak> CheckLimits(MarketLimits current, MarketLimits proposed, IEnumerable<DayPlan> scheduled, DateOnly today)
    {
        var dates = scheduled.Select(d => d.Date).Distinct().Order().Select(d => (d, d >= today)).ToList();
        return [.. LimitBreaks(proposed, dates)
            .Where(b => b.Rule == MonthLimit ? proposed.MaxDaysPerMonth < current.MaxDaysPerMonth : proposed.MaxConsecutiveDays < current.MaxConsecutiveDays)
            .OrderBy(b => b.Date).ThenBy(b => b.Rule, StringComparer.Ordinal)];
    }

    /// <param name="dates">Each date of use once, in order; only the new ones can be refused.</param>
    private static List<RuleBreak> LimitBreaks(MarketLimits limits, List<(DateOnly Date, bool IsNew)> dates)
    {
        var breaks = new List<RuleBreak>();
        foreach (var month in dates.GroupBy(d => (d.Date.Year, d.Date.Month)))
        {
            // Days already scheduled keep their place; the new dates beyond what the month still allows are refused.
            var allowed = Math.Max(0, limits.MaxDaysPerMonth - month.Count(d => !d.IsNew));
            breaks.AddRange(month.Where(d => d.IsNew).Skip(allowed).Select(d => new RuleBreak(d.Date, MonthLimit, limits.MaxDaysPerMonth)));
        }
        var streak = new List<(DateOnly Date, bool IsNew)>();
        foreach (var date in dates)
        {
            if (streak.Count > 0 && streak[^1].Date.AddDays(1) != date.Date)
            {
                streak.Clear();
            }
            streak.Add(date);
            if (streak.Count <= limits.MaxConsecutiveDays)
            {
                continue;
            }
            // Too long a run: refuse the latest new date in it, which splits the run there.
            var drop = streak.FindLastIndex(d => d.IsNew);
            if (drop >= 0)
            {
                breaks.Add(new RuleBreak(streak[drop].Date, ConsecutiveLimit, limits.MaxConsecutiveDays));
                streak.RemoveRange(0, drop + 1);
            }
        }
        return breaks;
    }
}
