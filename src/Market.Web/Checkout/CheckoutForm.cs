using System.Globalization;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Web.Cart;

namespace Market.Web.Checkout;

/// <summary>What the resident types at checkout; sent back unchanged with the messages when something is wrong.</summary>
public sealed class CheckoutForm
{
    public string IdempotencyKey { get; set; } = "";
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? ReferencePoint { get; set; }
    public List<ShopChoiceForm> Shops { get; set; } = [];

    /// <summary>The "Recalcular el total" button: show the totals of the choices made, place nothing.</summary>
    public bool Recalculate { get; set; }
}

public sealed class ShopChoiceForm
{
    public const string Delivery = "Delivery";
    public const string AtShop = "Pickup";
    private const string MarketPrefix = "Market-";

    public int ShopId { get; set; }

    /// <summary>The one radio group of how to receive: delivery, pickup at the shop, or pickup at the stall on one market day.</summary>
    public string? Receive { get; set; }
    public string? PayWith { get; set; }
    public PaymentMethod Payment { get; set; }

    public Fulfilment? Fulfilment => Receive switch
    {
        Delivery => Core.Catalog.Fulfilment.Delivery,
        AtShop => Core.Catalog.Fulfilment.Pickup,
        _ when MarketDayId is not null => Core.Catalog.Fulfilment.Pickup,
        _ => null,
    };

    /// <summary>Pickup at the vendor's stall on this market day.</summary>
    public int? MarketDayId =>
        Receive is { } r && r.StartsWith(MarketPrefix, StringComparison.Ordinal)
        && int.TryParse(r.AsSpan(MarketPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string AtMarket(int marketDayId) => MarketPrefix + marketDayId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One shop's part of the checkout priced both ways it can be received, by the same order draft an order is placed from,
/// so the totals shown are the totals charged. Null <see cref="Opens"/> with <see cref="OpenNow"/> false: no hours at all.
/// </summary>
public sealed record ShopQuote(OrderDraft Delivery, OrderDraft Pickup, bool OpenNow, DateTimeOffset? Opens)
{
    public Shop Shop => Delivery.Shop;

    public OrderDraft For(Fulfilment? fulfilment) => fulfilment == Fulfilment.Pickup ? Pickup : Delivery;
}

public sealed record CheckoutPage(CheckoutForm Form, CartView Cart, IReadOnlyList<string> Errors, bool CardEnabled = false)
{
    /// <summary>Per market vendor in the cart, the coming market days where they have a stall.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Markets.MarketPickup>> Markets { get; init; } = new Dictionary<int, IReadOnlyList<Markets.MarketPickup>>();

    public IReadOnlyList<ShopQuote> Quotes { get; init; } = [];

    /// <summary>When the page was drawn, for the closed shops' "abre mañana a las 7:00".</summary>
    public DateTimeOffset Now { get; init; }

    public ShopChoiceForm ChoiceFor(int shopId) => Form.Shops.FirstOrDefault(c => c.ShopId == shopId) ?? new ShopChoiceForm { ShopId = shopId };

    public Money GrandTotal => Money.Sum(Quotes.Select(q => q.For(ChoiceFor(q.Shop.Id).Fulfilment).Total));
}

public sealed record ConfirmedOrder(string Code, string ShopName, Money Total, Fulfilment Fulfilment,
    OrderStatus Status = OrderStatus.Placed);
