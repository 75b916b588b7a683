using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Market.Web.Shared;

/// <summary>Turns a rule's message key and arguments into text, translating the statuses and steps it names.</summary>
public static class Messages
{
    public static string Format(IStringLocalizer<Ui> text, string key, IEnumerable<object>? args) =>
        text[key, [.. (args ?? []).Select(a => a switch
        {
            OrderStatus status => text[Display.Key(status)].Value,
            OrderAction action => text[Display.Key(action)].Value,
            ShopStatus shop => text[Display.Key(shop)].Value,
            Core.MarketDays.StallApplicationStatus stall => text["Markets.StallStatus." + stall].Value,
            TimeOnly time => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            _ => a,
        })]].Value;
}
