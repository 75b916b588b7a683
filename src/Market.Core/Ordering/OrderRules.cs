using Market.Core.Catalog;

namespace Market.Core.Ordering;

/// <summary>The order state machine as data: who may take which action from which status, and where it leads.</summary>
public static class OrderRules
{
    private sealed record Rule(OrderStatus From, OrderAction Action, OrderActor Actor, OrderStatus To, Fulfilment? Only = null);

    private static readonly Rule[] Table =
    [
        new(OrderStatus.AwaitingPayment, OrderAction.ConfirmPayment, OrderActor.Platform, OrderStatus.Placed),
        new(OrderStatus.AwaitingPayment, OrderAction.ExpirePayment, OrderActor.Platform, OrderStatus.Cancelled),
        new(OrderStatus.AwaitingPayment, OrderAction.PayOnDelivery, OrderActor.Resident, OrderStatus.Placed),
        new(OrderStatus.AwaitingPayment, OrderAction.Cancel, OrderActor.Resident, OrderStatus.Cancelled),
        new(OrderStatus.Placed, OrderAction.Accept, OrderActor.Shop, OrderStatus.Accepted),
        new(OrderStatus.Placed, OrderAction.Reject, OrderActor.Shop, OrderStatus.Rejected),
        new(OrderStatus.Placed, OrderAction.Cancel, OrderActor.Resident, OrderStatus.Cancelled),
        new(OrderStatus.Accepted, OrderAction.StartPreparing, OrderActor.Shop, OrderStatus.Preparing),
        new(OrderStatus.Accepted, OrderAction.Reject, OrderActor.Shop, OrderStatus.Rejected),
        new(OrderStatus.Preparing, OrderAction.SendOut, OrderActor.Shop, OrderStatus.OutForDelivery, Fulfilment.Delivery),
        new(OrderStatus.Preparing, OrderAction.MarkReady, OrderActor.Shop, OrderStatus.ReadyForPickup, Fulfilment.Pickup),
        new(OrderStatus.Preparing, OrderAction.Reject, OrderActor.Shop, OrderStatus.Rejected),
        new(OrderStatus.OutForDelivery, OrderAction.Deliver, OrderActor.Shop, OrderStatus.Delivered, Fulfilment.Delivery),
        new(OrderStatus.ReadyForPickup, OrderAction.HandOver, OrderActor.Shop, OrderStatus.PickedUp, Fulfilment.Pickup),
    ];

    public static OrderStatus? Target(OrderStatus from, OrderAction action, OrderActor actor, Fulfilment fulfilment) =>
        Table.FirstOrDefault(r => r.From == from && r.Action == action && r.Actor == actor && (r.Only is null || r.Only == fulfilment))?.To;

    public static IReadOnlyList<OrderAction> Actions(OrderStatus from, OrderActor actor, Fulfilment fulfilment) =>
        [.. Table.Where(r => r.From == from && r.Actor == actor && (r.Only is null || r.Only == fulfilment)).Select(r => r.Action)];

    public static bool NeedsReason(OrderAction action) => action is OrderAction.Reject or OrderAction.Cancel;

    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Delivered or OrderStatus.PickedUp or OrderStatus.Rejected or OrderStatus.Cancelled;
}
