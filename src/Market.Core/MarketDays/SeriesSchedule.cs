using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Market.Core.MarketDays;

public enum SeriesPattern
{
    /// <summary>Every week on the chosen weekdays.</summary>
    Weekly,

    /// <summary>One weekday of each month: the first to fourth, or the last (-1).</summary>
    Monthly,

    /// <summary>A list of dates.</summary>
    Dates,
}

/// <summary>
/// When a series holds its market days, as an iCalendar recurrence rule (RFC 5545) expanded by Ical.Net between the
/// first and last date, in America/El_Salvador local time.
/// </summary>
public sealed record SeriesSchedule(
    SeriesPattern Pattern,
    string Rule,
    DateOnly First,
    DateOnly Last,
    TimeOnly Opens,
    TimeOnly Closes)
{
    /// <summary>Longest span a series may cover: a year and a few days, so a yearly plan fits.</summary>
    public const int MaxSpanDays = 400;

    private static readonly string[] WeekdayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static SeriesSchedule Weekly(IEnumerable<DayOfWeek> days, DateOnly first, DateOnly last, TimeOnly opens, TimeOnly closes) =>
        new(SeriesPattern.Weekly, "FREQ=WEEKLY;BYDAY=" + string.Join(',', days.Distinct().Order().Select(d => WeekdayCodes[(int)d])),
            first, last, opens, closes);

    /// <param name="week">1 to 4 for the first to fourth such weekday of the month, -1 for the last.</param>
    public static SeriesSchedule Monthly(int week, DayOfWeek day, DateOnly first, DateOnly last, TimeOnly opens, TimeOnly closes) =>
        new(SeriesPattern.Monthly, $"FREQ=MONTHLY;BYDAY={week}{WeekdayCodes[(int)day]}", first, last, opens, closes);

    /// <summary>The dates as an RDATE list; its own first and last date are the span.</summary>
    public static SeriesSchedule OnDates(IEnumerable<DateOnly> dates, TimeOnly opens, TimeOnly closes)
    {
        var sorted = dates.Distinct().Order().ToList();
        var first = sorted.Count > 0 ? sorted[0] : default;
        var last = sorted.Count > 0 ? sorted[^1] : default;
        return new(SeriesPattern.Dates, string.Join(',', sorted.Select(d => d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture))),
            first, last, opens, closes);
    }

    /// <summary>Message keys of what is wrong with the schedule itself, before any rule of the space is checked.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Opens >= Closes)
        {
            problems.Add("Series.HoursInvalid");
        }
        if (Last < First || Last.DayNumber - First.DayNumber > MaxSpanDays || First == default)
        {
            problems.Add("Series.SpanInvalid");
        }
        if (Pattern == SeriesPattern.Weekly && Rule.EndsWith('='))
        {
            problems.Add("Series.WeekdaysRequired");
        }
        return problems;
    }

    /// <summary>Every date of the series, in order.</summary>
    public IReadOnlyList<DateOnly> Dates()
    {
        if (Problems().Count > 0)
        {
            return [];
        }
        if (Pattern == SeriesPattern.Dates)
        {
            return [.. Rule.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => DateOnly.ParseExact(d, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture))];
        }
        var start = new CalDateTime(First, Opens, ElSalvadorTime.ZoneId);
        var series = new CalendarEvent { DtStart = start, DtEnd = new CalDateTime(First, Closes, ElSalvadorTime.ZoneId) };
        series.RecurrenceRule = new RecurrencePattern(Rule);
        var after = new CalDateTime(Last.AddDays(1), new TimeOnly(0, 0), ElSalvadorTime.ZoneId);
        return [.. series.GetOccurrences(start).TakeWhileBefore(after).Select(o => o.Period.StartTime.Date)];
    }
}
