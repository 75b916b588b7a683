using System.Globalization;
using Market.Core;
using Market.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Market.Web.Checkout;

/// <summary>What checkout says of a shop that is closed now: when it opens, and whether it takes the order meanwhile.</summary>
public static class ClosedNotice
{
    public static string? For(IStringLocalizer<Ui> text, ShopQuote quote, DateTimeOffset now)
    {
        if (quote.OpenNow)
        {
            return null;
        }
        var refuses = quote.Shop.RefusesOrdersWhileClosed;
        return quote.Opens is { } opens
            ? text[refuses ? "Checkout.Closed.Refuses" : "Checkout.Closed.Takes", When(text, opens, now)].Value
            : text[refuses ? "Checkout.Closed.RefusesNoHours" : "Checkout.Closed.TakesNoHours"].Value;
    }

    /// <summary>"hoy a las 16:00", "mañana a las 7:00", "el sábado a las 7:00", in the shop's time zone.</summary>
    public static string When(IStringLocalizer<Ui> text, DateTimeOffset opens, DateTimeOffset now)
    {
        var local = ElSalvadorTime.Local(opens);
        var time = local.ToString("H:mm", CultureInfo.InvariantCulture);
        return (local.Date - ElSalvadorTime.Local(now).Date).Days switch
        {
            0 => text["Checkout.Opens.Today", time].Value,
            1 => text["Checkout.Opens.Tomorrow", time].Value,
            _ => text["Checkout.Opens.On", CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(local.DayOfWeek), time].Value,
        };
    }
}
