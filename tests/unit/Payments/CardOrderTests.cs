using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Unit.Support;

namespace Market.Tests.Unit.Payments;

public sealed class CardOrderTests
{
    private static readonly DateTimeOffset Later = Sample.Now.AddMinutes(3);

    private static bool ReachedShop(Order order) => Order.ReachedShop.Compile()(order);

    [Fact]
    public void Place_ByCard_AwaitsPaymentAndIsNotTheShopsYet()
    {
        var order = Sample.CardOrder(Fulfilment.Delivery);

        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        order.Payment.ShouldBe(PaymentMethod.Card);
        order.Events.Single().Status.ShouldBe(OrderStatus.AwaitingPayment);
        ReachedShop(order).ShouldBeFalse();
    }

    [Fact]
    public void Place_ByCardWithCashTendered_IgnoresTheCash()
    {
        var shop = Sample.Shop();
        var draft = new OrderDraft(shop, Fulfilment.Pickup, [new OrderDraftLine(Sample.Product(shop, 10, 4m), 1)]);

        var order = Order.Place(draft, Sample.Key(), null, Sample.Customer, Money.FromDollars(1m), Sample.Now, PaymentMethod.Card);

        order.CashTendered.ShouldBeNull();
        order.ChangeDue.ShouldBeNull();
    }

    [Fact]
    public void ConfirmPayment_WhileAwaiting_PlacesTheOrderForTheShop()
    {
        var order = Sample.CardOrder(Fulfilment.Pickup);

        var step = order.ConfirmPayment(Later);

        step.ShouldNotBeNull();
        step.Action.ShouldBe(OrderAction.ConfirmPayment);
        order.Status.ShouldBe(OrderStatus.Placed);
        order.PaidAt.ShouldBe(Later);
        ReachedShop(order).ShouldBeTrue();
        order.NextActions(OrderActor.Shop).ShouldContain(OrderAction.Accept);
    }

    [Fact]
    public void ConfirmPayment_Twice_TheSecondChangesNothing()
    {
        var order = Sample.CardOrder(Fulfilment.Pickup);
        order.ConfirmPayment(Later);

        order.ConfirmPayment(Later.AddMinutes(1)).ShouldBeNull();

        order.PaidAt.ShouldBe(Later);
        order.Version.ShouldBe(2);
    }

    [Fact]
    public void ConfirmPayment_AfterTheTimeoutCancelledIt_IsNotedAndOwesARefund()
    {
        var order = Sample.CardOrder(Fulfilment.Pickup);
        order.Apply(OrderAction.ExpirePayment, OrderActor.Platform, null, Later);

        order.ConfirmPayment(Later.AddMinutes(1)).ShouldBeNull();

        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.RefundOwed.ShouldBeTrue();
        ReachedShop(order).ShouldBeFalse();
    }

    [Fact]
    public void ConfirmPayment_OfACashOrder_ChangesNothing()
    {
        var order = Sample.PlacedOrder(Fulfilment.Pickup);

        order.ConfirmPayment(Later).ShouldBeNull();

        order.PaidAt.ShouldBeNull();
    }

    [Fact]
    public void PayOnDelivery_SwitchesACardOrderToCashAndSendsItToTheShop()
    {
        var order = Sample.CardOrder(Fulfilment.Delivery);

        order.Apply(OrderAction.PayOnDelivery, OrderActor.Resident, null, Later);

        order.Payment.ShouldBe(PaymentMethod.CashOnDelivery);
        order.Status.ShouldBe(OrderStatus.Placed);
        ReachedShop(order).ShouldBeTrue();
    }

    [Fact]
    public void RecordRefund_OfAPaidRejectedOrder_IsOneStepOnTheTimelineAndOnlyOnce()
    {
        var order = Sample.CardOrder(Fulfilment.Pickup);
        order.ConfirmPayment(Later);
        order.Apply(OrderAction.Reject, OrderActor.Shop, "Sin existencias", Later);

        var step = order.RecordRefund(Later.AddMinutes(1));

        step.Action.ShouldBe(OrderAction.Refund);
        step.Status.ShouldBe(OrderStatus.Rejected);
        order.RefundOwed.ShouldBeFalse();
        Should.Throw<DomainException>(() => order.RecordRefund(Later.AddMinutes(2))).MessageKey.ShouldBe("Payments.NoRefundOwed");
        order.Events.Count(e => e.Action == OrderAction.Refund).ShouldBe(1);
    }

    [Theory]
    [InlineData(false, OrderAction.Reject)]
    [InlineData(true, OrderAction.Accept)]
    public void RecordRefund_WhenNothingIsOwed_IsRefused(bool paid, OrderAction action)
    {
        var order = Sample.CardOrder(Fulfilment.Pickup);
        if (paid)
        {
            order.ConfirmPayment(Later);
        }
        else
        {
            order.Apply(OrderAction.PayOnDelivery, OrderActor.Resident, null, Later);
        }
        order.Apply(action, OrderActor.Shop, "Cerrado hoy", Later);
        var version = order.Version;

        Should.Throw<DomainException>(() => order.RecordRefund(Later)).MessageKey.ShouldBe("Payments.NoRefundOwed");

        order.Version.ShouldBe(version);
        order.RefundedAt.ShouldBeNull();
    }
}
