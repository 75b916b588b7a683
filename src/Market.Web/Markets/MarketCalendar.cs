using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Market.Core;
using Market.Core.MarketDays;

namespace Market.Web.Markets;

/// <summary>
/// The public agenda as iCalendar (RFC 5545). A weekly or monthly series is one event with the series' own RRULE (the
/// rule that generated its days), bounded by UNTIL; a day cancelled or moved is an override of that event
/// (same UID, RECURRENCE-ID of its original date) with STATUS:CANCELLED or its new times. Days scheduled on their own
/// or from a list of dates are single events.
/// </summary>
public static class MarketCalendar
{
    public const int PastDays = 31;
    public const int FutureDays = 400;

    public static string Write(string name, IReadOnlyList<MarketDay> days, IReadOnlyList<MarketSeries> series, Uri site, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Mercado Cercano//Mercados AMSS//ES" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ElSalvadorTime.ZoneId);
        calendar.AddTimeZone(ElSalvadorTime.ZoneId);
        var recurring = series.Where(s => s.Pattern != SeriesPattern.Dates).ToDictionary(s => s.Id);
        foreach (var s in recurring.Values)
        {
            var own = days.Where(d => d.SeriesId == s.Id).ToList();
            var space = own[0].PublicSpace;
            // Every day of the series is here, so its first date is the rule's first date (no expansion of the rule).
            var first = own.Min(d => d.MovedFrom ?? d.Date);
            var master = Event($"serie-{s.Id}@{site.Host}", space, first, s.Opens, s.Closes, now);
            var until = ElSalvadorTime.ToUtc(s.LastDate, s.Closes);
            master.RecurrenceRule = new RecurrencePattern($"{s.Rule};UNTIL={until.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}");
            master.Url = new Uri(site, $"/mercados?municipio={space.Municipality.Code}");
            calendar.Events.Add(master);
        }
        foreach (var day in days)
        {
            var original = day.MovedFrom ?? day.Date;
            var isOccurrence = day.SeriesId is { } id && recurring.ContainsKey(id);
            if (isOccurrence && day.Status == MarketDayStatus.Scheduled && day.MovedFrom is null)
            {
                continue;
            }
            var e = Event(isOccurrence ? $"serie-{day.SeriesId}@{site.Host}" : $"mercado-{day.Id}@{site.Host}", day.PublicSpace,
                day.Date, day.Opens, day.Closes, now);
            if (isOccurrence)
            {
                e.RecurrenceIdentifier = new RecurrenceIdentifier(new CalDateTime(original, recurring[day.SeriesId!.Value].Opens, ElSalvadorTime.ZoneId), null);
            }
            e.Sequence = day.Version;
            e.Status = day.Status == MarketDayStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
            e.Description = day.ChangeReason;
            e.Url = new Uri(site, $"/mercados/{day.Id}");
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(string uid, PublicSpace space, DateOnly date, TimeOnly opens, TimeOnly closes, DateTimeOffset now) => new()
    {
        Uid = uid,
        DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
        DtStart = new CalDateTime(date, opens, ElSalvadorTime.ZoneId),
        DtEnd = new CalDateTime(date, closes, ElSalvadorTime.ZoneId),
        Summary = $"Mercado en {space.Name}",
        Location = $"{space.Name}, {space.Address}, {space.Municipality.Name}",
        GeographicLocation = new GeographicLocation(space.Latitude, space.Longitude),
        Status = EventStatus.Confirmed,
    };
}
