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
