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
}

public sealed class ShopChoiceForm
{
    public int ShopId { get; set; }
    public Fulfilment Fulfilment { get; set; }
    public string? PayWith { get; set; }
    public PaymentMethod Payment { get; set; }

    /// <summary>Pickup at the vendor's stall on this market day.</summary>
    public int? MarketDayId { get; set; }
}

public sealed record CheckoutPage(CheckoutForm Form, CartView Cart, IReadOnlyList<string> Errors, bool CardEnabled = false)
{
    /// <summary>Per market vendor in the cart, the coming market days where they have a stall.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Markets.MarketPickup>> Markets { get; init; } = new Dictionary<int, IReadOnlyList<Markets.MarketPickup>>();
}

public sealed record ConfirmedOrder(string Code, string ShopName, Market.Core.Money Total, Fulfilment Fulfilment,
    OrderStatus Status = OrderStatus.Placed);
