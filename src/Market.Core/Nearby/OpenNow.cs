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
}
