using Market.Core.Catalog;

namespace Market.Core.Nearby;

/// <summary>Whether a shop is open at an instant, from its weekly hours in America/El_Salvador time.</summary>
public static class OpenNow
{
    /// <summary>
    /// A span whose closing time is not after its opening time runs past midnight into the next day
    /// (a pupusería open 17:00–01:00 on Friday is open at 00:30 on Saturday). A day with no span is closed.
    /// </summary>
    public static bool IsOpen(IEnumerable<OpeningHours> hours, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, ElSalvadorTime.Zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var today = local.DayOfWeek;
        var yesterday = (DayOfWeek)(((int)today + 6) % 7);
        foreach (var span in hours)
        {
            var overnight = span.Closes <= span.Opens;
            if (span.Day == today && time >= span.Opens && (overnight || time < span.Closes))
            {
                return true;
            }
            if (span.Day == yesterday && overnight && time < span.Closes)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The next instant within a week at which a span opens, in UTC; null for a shop with no hours.</summary>
    public static DateTimeOffset? NextOpening(IEnumerable<OpeningHours> hours, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, ElSalvadorTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var spans = hours.ToList();
        for (var days = 0; days <= 7; days++)
        {
            var date = today.AddDays(days);
            var opens = spans.Where(s => s.Day == date.DayOfWeek && (days > 0 || s.Opens > time)).Select(s => (TimeOnly?)s.Opens).Min();
            if (opens is { } at)
            {
                return ElSalvadorTime.ToUtc(date, at);
            }
        }
        return null;
    }
}
