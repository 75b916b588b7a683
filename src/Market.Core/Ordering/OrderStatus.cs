namespace Market.Core.Ordering;

public enum OrderStatus
{
    Placed,
    Accepted,
    Preparing,
    OutForDelivery,
    ReadyForPickup,
    Delivered,
    PickedUp,
    Rejected,
    Cancelled,
    AwaitingPayment,
}

/// <summary>What someone can do to an order; each legal one moves it to exactly one status.</summary>
public enum OrderAction
{
    Accept,
    StartPreparing,
    SendOut,
    MarkReady,
    Deliver,
    HandOver,
    Reject,
    Cancel,
    ConfirmPayment,
    ExpirePayment,
    PayOnDelivery,

    /// <summary>Not a move: marks the refund on the timeline (<see cref="Order.RecordRefund"/>); never legal in <see cref="Order.Apply"/>.</summary>
    Refund,

    /// <summary>Not a step anyone takes: the market day of a pickup order was cancelled; the status stays.</summary>
    MarketDayCancelled,

    /// <summary>Not a step anyone takes: the market day of a pickup order was moved; the status stays.</summary>
    MarketDayMoved,
}

public enum OrderActor
{
    Shop,
    Resident,

    /// <summary>The platform itself: the card payment provider's events and the unpaid-order timeout.</summary>
    Platform,
}

public enum PaymentMethod
{
    CashOnDelivery,
    Card,
}
