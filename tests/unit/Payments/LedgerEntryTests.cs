using Market.Core;
using Market.Core.Catalog;
using Market.Core.Payments;
using Market.Tests.Unit.Support;

namespace Market.Tests.Unit.Payments;

public sealed class LedgerEntryTests
{
    [Theory]
    [InlineData(1000, 0, 0)]
    [InlineData(1000, 5, 50)]
    [InlineData(250, 3, 8)]
    [InlineData(250, 2.5, 6)]
    [InlineData(199, 2.5, 5)]
    [InlineData(1, 10, 0)]
    public void Commission_IsRoundedHalfAwayFromZero(long totalCents, decimal percent, long expectedCents) =>
        LedgerEntry.Commission(new Money(totalCents), percent).ShouldBe(new Money(expectedCents));

    [Fact]
    public void ForSale_ByCard_OwesTheShopTheTotalLessCommission()
    {
        var order = Sample.CardOrder(Fulfilment.Delivery);

        var lines = LedgerEntry.ForSale(order, 10m, Sample.Now);

        lines.Select(l => (l.Kind, l.Amount.Cents)).ShouldBe([(LedgerKind.CardSale, 400), (LedgerKind.Commission, -40)]);
        lines.ShouldAllBe(l => l.OrderId == order.Id && l.ShopId == order.ShopId && l.OrderCode == order.Code);
        Money.Sum(lines.Where(l => l.CountsInBalance).Select(l => l.Amount)).ShouldBe(new Money(360));
    }

    [Fact]
    public void ForSale_InCash_IsShownButNotOwedByThePlatform()
    {
        var order = Sample.PlacedOrder(Fulfilment.Pickup);

        var lines = LedgerEntry.ForSale(order, 0m, Sample.Now);

        lines.Single().Kind.ShouldBe(LedgerKind.CashSale);
        lines.Single().Amount.ShouldBe(order.Total);
        lines.Single().CountsInBalance.ShouldBeFalse();
    }

    [Fact]
    public void ForRefund_AfterASaleWithCommission_BringsTheBalanceBackToZero()
    {
        var order = Sample.CardOrder(Fulfilment.Delivery);
        var sale = LedgerEntry.ForSale(order, 7.5m, Sample.Now);
        var commission = sale.Single(l => l.Kind == LedgerKind.Commission).Amount;

        var refund = LedgerEntry.ForRefund(order, Money.Zero - commission, Sample.Now);

        Money.Sum(sale.Concat(refund).Select(l => l.Amount)).ShouldBe(Money.Zero);
        refund.Select(l => l.Kind).ShouldBe([LedgerKind.Refund, LedgerKind.CommissionRefund]);
    }
}
