using System.Security.Cryptography;
using Market.Core.Catalog;

namespace Market.Core.Ordering;

/// <summary>One shop's part of a checkout, and the only way its status may change.</summary>
public sealed class Order
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The refusal of a shop that takes no orders while closed; the API answers it as a conflict with the shop's state.</summary>
    public const string ShopClosed = "Checkout.ShopClosed";

    private Order()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Unguessable: whoever holds it may follow the order, so it carries about 84 bits of randomness.</summary>
    public string Code { get; private set; } = "";
    public int ShopId { get; private set; }
    public Shop Shop { get; private set; } = null!;
    public string? ResidentId { get; private set; }

    /// <summary>Whose key <see cref="IdempotencyKey"/> is (see <see cref="CheckoutKey"/>): a replay finds only the caller's own orders.</summary>
    public string IdempotencyScope { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>A hash of the whole checkout request, so the same key with another request is told apart from a replay.</summary>
    public string RequestHash { get; private set; } = "";
    public OrderStatus Status { get; private set; }

    /// <summary>The sequence number of the last event; the concurrency token.</summary>
    public int Version { get; private set; }
    public Fulfilment Fulfilment { get; private set; }
    public CustomerContact Customer { get; private set; } = null!;
    public PaymentMethod Payment { get; private set; }
    public Money? CashTendered { get; private set; }
    public Money Subtotal { get; private set; }
    public Money DeliveryFee { get; private set; }
    public Money Total => Subtotal + DeliveryFee;
    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>When the card payment succeeded; set even when it came after the order was cancelled (and is refunded).</summary>
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Set when the order is picked up at the vendor's stall on that market day.</summary>
    public int? MarketDayId { get; private set; }
    public List<OrderItem> Items { get; private set; } = [];
    public List<OrderEvent> Events { get; private set; } = [];

    public Money? ChangeDue => CashTendered is { } tendered ? tendered - Total : null;

    /// <summary>Money was taken by card for an order the shop will not fulfil, and not yet given back.</summary>
    public static System.Linq.Expressions.Expression<Func<Order, bool>> OwesRefund { get; } =
        o => o.PaidAt != null && o.RefundedAt == null && (o.Status == OrderStatus.Rejected || o.Status == OrderStatus.Cancelled);

    private static readonly Func<Order, bool> OwesRefundNow = OwesRefund.Compile();

    public bool RefundOwed => OwesRefundNow(this);

    /// <summary>
    /// The shop sees an order once it has to act on it: cash at once, card once paid while still awaiting payment
    /// (a payment that arrives after a cancellation is refunded without ever troubling the shop).
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Order, bool>> ReachedShop { get; } =
        o => o.Payment == PaymentMethod.CashOnDelivery || o.Events.Any(e => e.Action == OrderAction.ConfirmPayment);

    public static Order Place(OrderDraft draft, CheckoutKey key, string? residentId, CustomerContact customer,
        Money? cashTendered, DateTimeOffset now, PaymentMethod payment = PaymentMethod.CashOnDelivery)
    {
        var card = payment == PaymentMethod.Card;
        if (draft.Lines.Count == 0)
        {
            throw new DomainException("Checkout.EmptyCart");
        }
        if (!draft.Shop.Offers(draft.Fulfilment))
        {
            throw new DomainException(draft.Fulfilment == Fulfilment.Delivery ? "Checkout.NoDelivery" : "Checkout.NoPickup", draft.Shop.Name);
        }
        if (draft.Shop.RefusesOrdersWhileClosed && !draft.Shop.IsOpenAt(now))
        {
            throw new DomainException(ShopClosed, draft.Shop.Name);
        }
        if (draft.Fulfilment == Fulfilment.Delivery && string.IsNullOrWhiteSpace(customer.Address))
        {
            throw new DomainException("Checkout.AddressRequired");
        }
        if (!card && cashTendered is { } cash && cash < draft.Total)
        {
            throw new DomainException("Checkout.CashBelowTotal", draft.Shop.Name, draft.Total.ToString());
        }

        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            Code = NewCode(),
            ShopId = draft.Shop.Id,
            ResidentId = residentId,
            IdempotencyScope = key.Scope,
            IdempotencyKey = key.Key,
            RequestHash = key.RequestHash,
            Status = card ? OrderStatus.AwaitingPayment : OrderStatus.Placed,
            Fulfilment = draft.Fulfilment,
            Customer = draft.Fulfilment == Fulfilment.Delivery ? customer : customer with { Address = null, ReferencePoint = null },
            Payment = payment,
            CashTendered = card ? null : cashTendered,
            Subtotal = draft.Subtotal,
            DeliveryFee = draft.DeliveryFee,
            PlacedAt = now,
            Items = [.. draft.Lines.Select(l => new OrderItem(l.Product.Id, l.Product.Name, l.Product.Unit, l.Product.Price, l.Quantity))],
        };
        order.Record(order.Status, action: null, reason: null, now);
        return order;
    }

    /// <summary>Ties a pickup order to the market day whose stall it is collected at; the caller checks the stall exists.</summary>
    public void PickUpAtMarket(int marketDayId)
    {
        if (Fulfilment != Fulfilment.Pickup)
        {
            throw new DomainException("Checkout.MarketPickupOnly");
        }
        MarketDayId = marketDayId;
    }

    /// <summary>
    /// Tells the resident and the shop (through the outbox, like every event) that the order's market day was cancelled or
    /// moved. The status does not change: the shop decides what to do with the order.
    /// </summary>
    public OrderEvent? NoteMarketDayChange(bool cancelled, string reason, DateTimeOffset now) =>
        OrderRules.IsFinal(Status) ? null
            : Record(Status, cancelled ? OrderAction.MarketDayCancelled : OrderAction.MarketDayMoved, reason, now);

    public IReadOnlyList<OrderAction> NextActions(OrderActor actor) => OrderRules.Actions(Status, actor, Fulfilment);

    public OrderEvent Apply(OrderAction action, OrderActor actor, string? reason, DateTimeOffset now)
    {
        var target = OrderRules.Target(Status, action, actor, Fulfilment)
            ?? throw new DomainException("Order.IllegalTransition", action, Status);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (OrderRules.NeedsReason(action) && reason is null)
        {
            throw new DomainException("Order.ReasonRequired");
        }
        if (reason is { Length: > 500 })
        {
            throw new DomainException("Order.ReasonTooLong");
        }
        Status = target;
        if (action == OrderAction.PayOnDelivery)
        {
            Payment = PaymentMethod.CashOnDelivery;
        }
        return Record(target, action, reason, now);
    }

    /// <summary>
    /// The card payment succeeded. Usually the order then goes to the shop; if it was cancelled meanwhile (timeout,
    /// resident) the payment is only noted, so that it is refunded. Null when there is no new step.
    /// </summary>
    public OrderEvent? ConfirmPayment(DateTimeOffset now)
    {
        if (Payment != PaymentMethod.Card || PaidAt is not null)
        {
            return null;
        }
        PaidAt = now;
        return Status == OrderStatus.AwaitingPayment ? Apply(OrderAction.ConfirmPayment, OrderActor.Platform, reason: null, now) : null;
    }

    /// <summary>The card payment was given back; a step on the timeline that does not change the status.</summary>
    public OrderEvent RecordRefund(DateTimeOffset now)
    {
        if (!RefundOwed)
        {
            throw new DomainException("Payments.NoRefundOwed");
        }
        RefundedAt = now;
        return Record(Status, OrderAction.Refund, reason: null, now);
    }

    private OrderEvent Record(OrderStatus status, OrderAction? action, string? reason, DateTimeOffset now)
    {
        Version++;
        var e = new OrderEvent(Id, Version, status, action, reason, now);
        Events.Add(e);
        return e;
    }

    private static string NewCode() =>
        "MC-" + RandomNumberGenerator.GetString(CodeAlphabet, 17);
}

public sealed record OrderItem(int ProductId, string Name, string Unit, Money UnitPrice, int Quantity)
{
    public int Id { get; init; }
    public Money LineTotal => UnitPrice.Times(Quantity);
}

public sealed record CustomerContact(string Name, string Phone, string? Address, string? ReferencePoint);

/// <summary>An order as it will be placed: one shop, lines priced from the catalog, the way it reaches the resident.</summary>
public sealed record OrderDraft(Shop Shop, Fulfilment Fulfilment, IReadOnlyList<OrderDraftLine> Lines)
{
    public Money Subtotal => Money.Sum(Lines.Select(l => l.LineTotal));
    public Money DeliveryFee => Fulfilment == Fulfilment.Delivery ? Shop.DeliveryFee : Money.Zero;
    public Money Total => Subtotal + DeliveryFee;
}

public sealed record OrderDraftLine(Product Product, int Quantity)
{
    public Money LineTotal => Product.Price.Times(Quantity);
}
