using Market.Core.Ordering;

namespace Market.Core.Payments;

/// <summary>Signed from the shop's side: what the platform owes the shop grows with a card sale and shrinks with a refund.</summary>
public enum LedgerKind
{
    CardSale,

    /// <summary>Collected by the shop itself; shown, but not part of what the platform owes.</summary>
    CashSale,
    Refund,
    Commission,
    CommissionRefund,
}

/// <summary>One amount in a shop's account with the platform. Each kind is written at most once per order.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public long Id { get; private set; }
    public int ShopId { get; private set; }
    public Guid OrderId { get; private set; }
    public string OrderCode { get; private set; } = "";
    public LedgerKind Kind { get; private set; }
    public Money Amount { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool CountsInBalance => Kind != LedgerKind.CashSale;

    /// <summary>A sale and, when there is one, the platform's commission on it.</summary>
    public static IReadOnlyList<LedgerEntry> ForSale(Order order, decimal commissionPercent, DateTimeOffset now)
    {
        var sale = order.Payment == PaymentMethod.Card ? LedgerKind.CardSale : LedgerKind.CashSale;
        var commission = Commission(order.Total, commissionPercent);
        return commission == Money.Zero
            ? [Line(order, sale, order.Total, now)]
            : [Line(order, sale, order.Total, now), Line(order, LedgerKind.Commission, Money.Zero - commission, now)];
    }

    /// <summary>The whole card sale back, and the commission charged on it returned to the shop.</summary>
    public static IReadOnlyList<LedgerEntry> ForRefund(Order order, Money commissionCharged, DateTimeOffset now) =>
        commissionCharged == Money.Zero
            ? [Line(order, LedgerKind.Refund, Money.Zero - order.Total, now)]
            : [Line(order, LedgerKind.Refund, Money.Zero - order.Total, now), Line(order, LedgerKind.CommissionRefund, commissionCharged, now)];

    /// <summary>Half a cent and up rounds up: the one rule written down for the settlement.</summary>
    public static Money Commission(Money total, decimal percent) =>
        new((long)Math.Round(total.Cents * percent / 100m, MidpointRounding.AwayFromZero));

    private static LedgerEntry Line(Order order, LedgerKind kind, Money amount, DateTimeOffset now) => new()
    {
        ShopId = order.ShopId,
        OrderId = order.Id,
        OrderCode = order.Code,
        Kind = kind,
        Amount = amount,
        RecordedAt = now,
    };
}
