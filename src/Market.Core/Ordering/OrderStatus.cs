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

    /// <summary>Not a step anyone takes: the market day of a pickup order was cancelled; the status stays.</summary>
    MarketDayCancelled,

    /// <summary>Not a step anyone takes: the market day of a pickup order was moved; the status stays.</summary>
    MarketDayMoved,
}

public enum OrderActor
{
    Shop,
    Resident,
}

public enum PaymentMethod
{
    CashOnDelivery,
    Card,
}
