using System.Globalization;

namespace Market.Admin.MarketDays;

/// <summary>Market dates and hours as staff read them: "sáb 28 nov 2026", "07:00–13:00".</summary>
public static class StaffDates
{
    public static string Day(DateOnly date) =>
        date.ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture).Replace(".", "", StringComparison.Ordinal);

    public static string Hours(TimeOnly opens, TimeOnly closes) =>
        $"{opens.ToString("HH:mm", CultureInfo.InvariantCulture)}–{closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
