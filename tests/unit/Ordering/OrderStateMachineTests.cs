using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Unit.Support;
using static Market.Core.Ordering.OrderAction;
using static Market.Core.Ordering.OrderStatus;

namespace Market.Tests.Unit.Ordering;

public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset Later = Sample.Now.AddMinutes(5);

    private static OrderStatus? ExpectedTarget(OrderStatus from, OrderAction action, OrderActor actor, Fulfilment fulfilment) =>
        (from, action, actor, fulfilment) switch
        {
            (AwaitingPayment, ConfirmPayment, OrderActor.Platform, _) => Placed,
            (AwaitingPayment, ExpirePayment, OrderActor.Platform, _) => Cancelled,
            (AwaitingPayment, PayOnDelivery, OrderActor.Resident, _) => Placed,
            (AwaitingPayment, Cancel, OrderActor.Resident, _) => Cancelled,
            (Placed, Accept, OrderActor.Shop, _) => Accepted,
            (Placed, Reject, OrderActor.Shop, _) => Rejected,
            (Placed, Cancel, OrderActor.Resident, _) => Cancelled,
            (Accepted, StartPreparing, OrderActor.Shop, _) => Preparing,
            (Accepted, Reject, OrderActor.Shop, _) => Rejected,
            (Preparing, SendOut, OrderActor.Shop, Fulfilment.Delivery) => OutForDelivery,
            (Preparing, MarkReady, OrderActor.Shop, Fulfilment.Pickup) => ReadyForPickup,
            (Preparing, Reject, OrderActor.Shop, _) => Rejected,
            (OutForDelivery, Deliver, OrderActor.Shop, Fulfilment.Delivery) => Delivered,
            (ReadyForPickup, HandOver, OrderActor.Shop, Fulfilment.Pickup) => PickedUp,
            _ => null,
        };

    private static OrderAction[]? PathTo(OrderStatus status, Fulfilment fulfilment) => (status, fulfilment) switch
    {
        (AwaitingPayment, _) => [],
        (Placed, _) => [],
        (Accepted, _) => [Accept],
        (Preparing, _) => [Accept, StartPreparing],
        (OutForDelivery, Fulfilment.Delivery) => [Accept, StartPreparing, SendOut],
        (Delivered, Fulfilment.Delivery) => [Accept, StartPreparing, SendOut, Deliver],
        (ReadyForPickup, Fulfilment.Pickup) => [Accept, StartPreparing, MarkReady],
        (PickedUp, Fulfilment.Pickup) => [Accept, StartPreparing, MarkReady, HandOver],
        (Rejected, _) => [Reject],
        (Cancelled, _) => [Cancel],
        _ => null,
    };

    private static OrderActor ActorFor(OrderAction action) => action switch
    {
        Cancel or PayOnDelivery => OrderActor.Resident,
        ConfirmPayment or ExpirePayment => OrderActor.Platform,
        _ => OrderActor.Shop,
    };

    private static string? ReasonFor(OrderAction action) => action is Reject or Cancel ? "Se acabó el pan" : null;

    private static IEnumerable<(OrderStatus Status, Fulfilment Fulfilment)> ReachableStates() =>
        from fulfilment in Enum.GetValues<Fulfilment>()
        from status in Enum.GetValues<OrderStatus>()
        where PathTo(status, fulfilment) is not null
        select (status, fulfilment);

    private static IEnumerable<(OrderStatus Status, Fulfilment Fulfilment, OrderAction Action, OrderActor Actor)> AllMoves() =>
        from state in ReachableStates()
        from action in Enum.GetValues<OrderAction>()
        from actor in Enum.GetValues<OrderActor>()
        select (state.Status, state.Fulfilment, action, actor);

    public static TheoryData<OrderStatus, Fulfilment, OrderAction, OrderActor> LegalMoves { get; } =
        Moves(legal: true);

    public static TheoryData<OrderStatus, Fulfilment, OrderAction, OrderActor> IllegalMoves { get; } =
        Moves(legal: false);

    public static TheoryData<OrderStatus, Fulfilment, OrderActor> StatesAndActors { get; } = StatesWithActors();

    public static TheoryData<OrderStatus, OrderAction, OrderActor, string?> MovesWithoutReason { get; } = BlankReasons();

    private static TheoryData<OrderStatus, Fulfilment, OrderAction, OrderActor> Moves(bool legal)
    {
        var data = new TheoryData<OrderStatus, Fulfilment, OrderAction, OrderActor>();
        foreach (var (status, fulfilment, action, actor) in AllMoves())
        {
            if (ExpectedTarget(status, action, actor, fulfilment) is not null == legal)
            {
                data.Add(status, fulfilment, action, actor);
            }
        }
        return data;
    }

    private static TheoryData<OrderStatus, Fulfilment, OrderActor> StatesWithActors()
    {
        var data = new TheoryData<OrderStatus, Fulfilment, OrderActor>();
        foreach (var (status, fulfilment) in ReachableStates())
        {
            foreach (var actor in Enum.GetValues<OrderActor>())
            {
                data.Add(status, fulfilment, actor);
            }
        }
        return data;
    }

    private static TheoryData<OrderStatus, OrderAction, OrderActor, string?> BlankReasons()
    {
        var data = new TheoryData<OrderStatus, OrderAction, OrderActor, string?>();
        foreach (var reason in new[] { null, "", "   " })
        {
            data.Add(AwaitingPayment, Cancel, OrderActor.Resident, reason);
            data.Add(Placed, Reject, OrderActor.Shop, reason);
            data.Add(Placed, Cancel, OrderActor.Resident, reason);
            data.Add(Accepted, Reject, OrderActor.Shop, reason);
            data.Add(Preparing, Reject, OrderActor.Shop, reason);
        }
        return data;
    }

    private static Order OrderIn(OrderStatus status, Fulfilment fulfilment)
    {
        // A card order starts out awaiting payment; every other state is reached from a cash order.
        var order = status == AwaitingPayment ? Sample.CardOrder(fulfilment) : Sample.PlacedOrder(fulfilment);
        foreach (var action in PathTo(status, fulfilment)!)
        {
            order.Apply(action, ActorFor(action), ReasonFor(action), Sample.Now);
        }
        order.Status.ShouldBe(status);
        return order;
    }

    private static void ShouldBeUnchanged(Order order, OrderStatus status, int version, IReadOnlyList<OrderEvent> events)
    {
        order.Status.ShouldBe(status);
        order.Version.ShouldBe(version);
        order.Events.ShouldBe(events);
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Apply_LegalMove_MovesToTheTargetAndRecordsIt(OrderStatus from, Fulfilment fulfilment, OrderAction action, OrderActor actor)
    {
        var order = OrderIn(from, fulfilment);
        var versionBefore = order.Version;

        var applied = order.Apply(action, actor, ReasonFor(action), Later);

        var target = ExpectedTarget(from, action, actor, fulfilment);
        order.Status.ShouldBe(target!.Value);
        order.Version.ShouldBe(versionBefore + 1);
        order.Events[^1].ShouldBeSameAs(applied);
        applied.Sequence.ShouldBe(order.Version);
        applied.Status.ShouldBe(target.Value);
        applied.Action.ShouldBe(action);
        applied.OrderId.ShouldBe(order.Id);
        applied.OccurredAt.ShouldBe(Later);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Apply_IllegalMove_IsRefusedAndChangesNothing(OrderStatus from, Fulfilment fulfilment, OrderAction action, OrderActor actor)
    {
        var order = OrderIn(from, fulfilment);
        var version = order.Version;
        var events = order.Events.ToList();

        var refused = Should.Throw<DomainException>(() => order.Apply(action, actor, "Porque sí", Later));

        refused.MessageKey.ShouldBe("Order.IllegalTransition");
        ShouldBeUnchanged(order, from, version, events);
    }

    [Theory]
    [MemberData(nameof(StatesAndActors))]
    public void NextActions_ListExactlyTheLegalActions(OrderStatus status, Fulfilment fulfilment, OrderActor actor)
    {
        var order = OrderIn(status, fulfilment);
        var legal = Enum.GetValues<OrderAction>().Where(a => ExpectedTarget(status, a, actor, fulfilment) is not null);

        order.NextActions(actor).ShouldBe(legal, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Fulfilment.Delivery, new[] { Accept, StartPreparing, SendOut, Deliver })]
    [InlineData(Fulfilment.Pickup, new[] { Accept, StartPreparing, MarkReady, HandOver })]
    [InlineData(Fulfilment.Delivery, new[] { Accept, StartPreparing, Reject })]
    [InlineData(Fulfilment.Pickup, new[] { Cancel })]
    [InlineData(Fulfilment.Delivery, new[] { ConfirmPayment, Accept, StartPreparing, SendOut, Deliver }, PaymentMethod.Card)]
    [InlineData(Fulfilment.Pickup, new[] { PayOnDelivery, Accept }, PaymentMethod.Card)]
    [InlineData(Fulfilment.Pickup, new[] { ExpirePayment }, PaymentMethod.Card)]
    public void Apply_EachStep_AppendsOneEventNumberedWithoutGaps(Fulfilment fulfilment, OrderAction[] path,
        PaymentMethod payment = PaymentMethod.CashOnDelivery)
    {
        var order = Sample.PlacedOrder(fulfilment, payment);

        foreach (var action in path)
        {
            order.Apply(action, ActorFor(action), ReasonFor(action), Later);
        }

        order.Events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, path.Length + 1));
        order.Events.Select(e => e.Action).ShouldBe([null, .. path.Select(a => (OrderAction?)a)]);
        order.Events[^1].Status.ShouldBe(order.Status);
        order.Version.ShouldBe(path.Length + 1);
    }

    [Theory]
    [MemberData(nameof(MovesWithoutReason))]
    public void Apply_RejectOrCancelWithoutReason_IsRefused(OrderStatus from, OrderAction action, OrderActor actor, string? reason)
    {
        var order = OrderIn(from, Fulfilment.Delivery);
        var version = order.Version;
        var events = order.Events.ToList();

        var refused = Should.Throw<DomainException>(() => order.Apply(action, actor, reason, Later));

        refused.MessageKey.ShouldBe("Order.ReasonRequired");
        ShouldBeUnchanged(order, from, version, events);
    }

    [Theory]
    [InlineData(Reject, OrderActor.Shop)]
    [InlineData(Cancel, OrderActor.Resident)]
    public void Apply_ReasonOver500Characters_IsRefused(OrderAction action, OrderActor actor)
    {
        var order = Sample.PlacedOrder(Fulfilment.Delivery);
        var events = order.Events.ToList();

        var refused = Should.Throw<DomainException>(() => order.Apply(action, actor, new string('x', 501), Later));

        refused.MessageKey.ShouldBe("Order.ReasonTooLong");
        ShouldBeUnchanged(order, Placed, 1, events);
    }

    [Theory]
    [InlineData(Reject, OrderActor.Shop)]
    [InlineData(Cancel, OrderActor.Resident)]
    public void Apply_ReasonOf500Characters_IsAccepted(OrderAction action, OrderActor actor)
    {
        var order = Sample.PlacedOrder(Fulfilment.Delivery);
        var reason = new string('x', 500);

        var applied = order.Apply(action, actor, reason, Later);

        applied.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Apply_Reason_IsRecordedTrimmed()
    {
        var order = Sample.PlacedOrder(Fulfilment.Pickup);

        var applied = order.Apply(Cancel, OrderActor.Resident, "  Ya no lo necesito \n", Later);

        applied.Reason.ShouldBe("Ya no lo necesito");
    }
}
