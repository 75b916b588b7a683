using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Web.Shared;

/// <summary>How times and names are shown: America/El_Salvador time and translation keys for enums.</summary>
public static class Display
{
    public static readonly TimeZoneInfo ElSalvador = TimeZoneInfo.FindSystemTimeZoneById("America/El_Salvador");

    public static DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, ElSalvador).DateTime;

    public static string Time(DateTimeOffset utc) => Local(utc).ToString("d MMM HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public static string Key(OrderStatus status) => "Status." + status;
    public static string Key(OrderAction action) => "Action." + action;
    public static string Key(Fulfilment fulfilment) => "Fulfilment." + fulfilment;
    public static string Key(ShopKind kind) => "ShopKind." + kind;
    public static string Key(DayOfWeek day) => "Day." + day;
}
