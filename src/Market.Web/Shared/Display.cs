using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Web.Shared;

/// <summary>How times and names are shown: America/El_Salvador time and translation keys for enums.</summary>
public static class Display
{
    public static DateTime Local(DateTimeOffset utc) => ElSalvadorTime.Local(utc);

    /// <summary>"26 nov 14:05"; tracking.js writes live steps the same way.</summary>
    public static string Time(DateTimeOffset utc) => Local(utc).ToString("d MMM HH:mm", System.Globalization.CultureInfo.CurrentCulture).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"+50371234567" shown as "+503 7123 4567".</summary>
    public static string Phone(string phone) =>
        phone is { Length: 12 } && phone.StartsWith("+503", StringComparison.Ordinal) ? $"+503 {phone[4..8]} {phone[8..]}" : phone;

    /// <summary>"Chrome · Android" from a browser's User-Agent, so a person recognises their own devices in a list.</summary>
    public static string Device(string? userAgent)
    {
        var ua = userAgent ?? "";
        string? browser = ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("SamsungBrowser", StringComparison.Ordinal) ? "Samsung Internet"
            : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari" : null;
        string? system = ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS", StringComparison.Ordinal) ? "macOS"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux" : null;
        return browser is null && system is null ? (ua.Length > 40 ? ua[..40] + "…" : ua) : string.Join(" · ", new[] { browser, system }.OfType<string>());
    }

    public static string Key(OrderStatus status) => "Status." + status;
    public static string Key(OrderAction action) => "Action." + action;
    public static string Key(Fulfilment fulfilment) => "Fulfilment." + fulfilment;
    public static string Key(ShopKind kind) => "ShopKind." + kind;
    public static string Key(ShopStatus status) => "ShopStatus." + status;
    public static string Key(DayOfWeek day) => "Day." + day;

    /// <summary>What an event is called in a timeline: its status, its refund, or what happened to the order's market day.</summary>
    public static string Label(OrderEvent e) => e.Action switch
    {
        OrderAction.Refund => "Payments.Timeline.Refunded",
        OrderAction.MarketDayCancelled or OrderAction.MarketDayMoved => "Markets.Event." + e.Action,
        _ => Key(e.Status),
    };
}
