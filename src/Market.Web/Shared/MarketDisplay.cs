using System.Globalization;

namespace Market.Web.Shared;

/// <summary>Market days are shown in local time as agreed: "sáb 28 nov", "07:00–13:00".</summary>
public static class MarketDisplay
{
    public static string Day(DateOnly date) =>
        date.ToString("ddd d MMM", CultureInfo.CurrentCulture).Replace(".", "", StringComparison.Ordinal);

    public static string Hours(TimeOnly opens, TimeOnly closes) =>
        $"{opens.ToString("HH:mm", CultureInfo.InvariantCulture)}–{closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
