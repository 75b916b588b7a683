using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Market.Core.MarketDays;

namespace Market.Web.Markets;

/// <summary>
/// The public agenda as iCalendar (RFC 5545). One event per market day rather than the series' RRULE: a day cancelled or
/// moved is then its own event with STATUS:CANCELLED or new times, which every calendar app shows the same way.
/// </summary>
public static class MarketCalendar
{
    public const int PastDays = 31;
    public const int FutureDays = 400;

    public static string Write(string name, IEnumerable<MarketDay> days, Uri site, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Mercado Cercano//Mercados AMSS//ES" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ElSalvadorTime.ZoneId);
        calendar.AddTimeZone(ElSalvadorTime.ZoneId);
        foreach (var day in days)
        {
            var space = day.PublicSpace;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"mercado-{day.Id}@{site.Host}",
                Sequence = day.Version,
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(day.Date, day.Opens, ElSalvadorTime.ZoneId),
                DtEnd = new CalDateTime(day.Date, day.Closes, ElSalvadorTime.ZoneId),
                Summary = $"Mercado en {space.Name}",
                Location = $"{space.Name}, {space.Address}, {space.Municipality.Name}",
                GeographicLocation = new GeographicLocation(space.Latitude, space.Longitude),
                Status = day.Status == MarketDayStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Description = day.ChangeReason,
                Url = new Uri(site, $"/mercados/{day.Id}"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
