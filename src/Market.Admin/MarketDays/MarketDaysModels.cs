using System.Globalization;
using Market.Core.MarketDays;

namespace Market.Admin.MarketDays;

/// <summary>What staff type for a public space; sent back unchanged with the messages when something is wrong.</summary>
public sealed class SpaceForm
{
    public int? MunicipalityId { get; set; }
    public string? Name { get; set; }
    public PublicSpaceKind Kind { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Capacity { get; set; }
    public StreetUse? StreetUse { get; set; }
    public string? StreetOpens { get; set; }
    public string? StreetCloses { get; set; }

    public static SpaceForm From(PublicSpace s) => new()
    {
        MunicipalityId = s.MunicipalityId,
        Name = s.Name,
        Kind = s.Kind,
        Address = s.Address,
        Latitude = s.Latitude.ToString(CultureInfo.InvariantCulture),
        Longitude = s.Longitude.ToString(CultureInfo.InvariantCulture),
        Capacity = s.Capacity.ToString(CultureInfo.InvariantCulture),
        StreetUse = s.StreetUse,
        StreetOpens = s.StreetOpens?.ToString("HH:mm", CultureInfo.InvariantCulture),
        StreetCloses = s.StreetCloses?.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>Unreadable numbers become values the domain refuses with its own message, so one list of problems explains all.</summary>
    public SpaceDetails ToDetails() => new(Name, Kind, Address,
        FormValues.Number(Latitude) ?? double.NaN, FormValues.Number(Longitude) ?? double.NaN,
        int.TryParse(Capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) ? capacity : 0,
        StreetUse, FormValues.Time(StreetOpens), FormValues.Time(StreetCloses));
}

public sealed class SeriesForm
{
    public SeriesPattern Pattern { get; set; }
    public List<DayOfWeek> Weekdays { get; set; } = [];
    public int MonthWeek { get; set; } = 1;
    public DayOfWeek MonthDay { get; set; } = DayOfWeek.Sunday;

    /// <summary>For a list of dates: one per line or separated by commas, as yyyy-mm-dd.</summary>
    public string? Dates { get; set; }
    public string? First { get; set; }
    public string? Last { get; set; }
    public string? Opens { get; set; } = "07:00";
    public string? Closes { get; set; } = "13:00";

    /// <summary>Null when a date or time cannot be read.</summary>
    public SeriesSchedule? ToSchedule()
    {
        if (FormValues.Time(Opens) is not { } opens || FormValues.Time(Closes) is not { } closes)
        {
            return null;
        }
        if (Pattern == SeriesPattern.Dates)
        {
            var parts = (Dates ?? "").Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries);
            var dates = parts.Select(FormValues.Date).ToList();
            return dates.Count == 0 || dates.Any(d => d is null) ? null : SeriesSchedule.OnDates(dates.Select(d => d!.Value), opens, closes);
        }
        if (FormValues.Date(First) is not { } first || FormValues.Date(Last) is not { } last)
        {
            return null;
        }
        return Pattern == SeriesPattern.Weekly
            ? SeriesSchedule.Weekly(Weekdays, first, last, opens, closes)
            : SeriesSchedule.Monthly(MonthWeek is >= 1 and <= 4 ? MonthWeek : -1, MonthDay, first, last, opens, closes);
    }
}

public sealed class MoveForm
{
    public string? Date { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Reason { get; set; }
}

internal static class FormValues
{
    public static double? Number(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed record MunicipalityOption(int Id, string Name);

public sealed record SpaceRow(int Id, string Name, PublicSpaceKind Kind, string Municipality, int Capacity, DateOnly? NextDay);

/// <summary>A municipality's limits as shown in the form; the fee is text so a refused entry comes back as typed.</summary>
public sealed record LimitsRow(int MunicipalityId, string Municipality, int MaxDaysPerMonth, int MaxConsecutiveDays, string StallFee);

public sealed record DayToReview(int Id, string Space, DateOnly Date, int Pending);

/// <param name="Affected">The spaces and dates a refused change of limits would break, under <paramref name="Problem"/>.</param>
public sealed record MarketsIndexPage(IReadOnlyList<SpaceRow> Spaces, IReadOnlyList<DayToReview> ToReview, IReadOnlyList<LimitsRow> Limits, bool IsMetro,
    string? Problem, IReadOnlyList<string> Affected);

/// <param name="Breaks">The held stalls and scheduled days a refused edit would leave out.</param>
public sealed record SpaceFormPage(int? SpaceId, SpaceForm Form, IReadOnlyList<MunicipalityOption> Municipalities, IReadOnlyList<string> Errors,
    IReadOnlyList<string> Breaks);

public sealed record DayRow(int Id, DateOnly Date, TimeOnly Opens, TimeOnly Closes, MarketDayStatus Status, string? Reason, int Approved, int Waiting);

public sealed record SeriesRow(int Id, SeriesPattern Pattern, string Rule, DateOnly First, DateOnly Last, TimeOnly Opens, TimeOnly Closes);

public sealed record SpacePage(PublicSpace Space, IReadOnlyList<SeriesRow> Series, IReadOnlyList<DayRow> Days, SeriesForm Form,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Breaks);

public sealed record ApplicationRow(int Id, string ShopName, string Phone, StallApplicationStatus Status, int? StallNumber, string? Reason,
    Market.Core.Money Fee, DateTimeOffset? FeePaidAt, bool ForSeries);

public sealed record DayPage(MarketDay Day, IReadOnlyList<ApplicationRow> Applications, IReadOnlyList<int> FreeStalls, MoveForm Move,
    IReadOnlyList<string> Errors, int? ProblemApplication);
