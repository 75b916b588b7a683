using Market.Core;
using Market.Core.Catalog;
using Market.Orders.Checkout;
using Market.Tests.Unit.Support;

namespace Market.Tests.Unit.Checkout;

public sealed class CartPricingTests
{
    private readonly Shop zeta = Sample.Shop(id: 1, name: "Tienda Zeta", deliveryFee: 1.00m);
    private readonly Shop abarrotes = Sample.Shop(id: 2, name: "Abarrotes Ana", deliveryFee: 2.25m);
    private readonly Dictionary<int, Product> catalog;

    public CartPricingTests()
    {
        catalog = new[]
        {
            Sample.Product(zeta, 10, 0.60m, "Pupusa revuelta"),
            Sample.Product(zeta, 11, 1.10m, "Horchata"),
            Sample.Product(abarrotes, 20, 2.35m, "Arroz 2 lb"),
            Sample.Product(abarrotes, 21, 0.45m, "Tortillas"),
        }.ToDictionary(p => p.Id);
    }

    [Fact]
    public void Merge_RepeatedProduct_SumsItsQuantities()
    {
        var merged = CartPricing.Merge([new CartLine(10, 2), new CartLine(20, 1), new CartLine(10, 3)]);

        merged.ShouldBe([new CartLine(10, 5), new CartLine(20, 1)]);
    }

    [Fact]
    public void Merge_DistinctProducts_StayAsTheyWere()
    {
        var merged = CartPricing.Merge([new CartLine(11, 1), new CartLine(10, 4)]);

        merged.ShouldBe([new CartLine(11, 1), new CartLine(10, 4)]);
    }

    [Fact]
    public void Split_MakesOneDraftPerShopOrderedByShopName()
    {
        var drafts = CartPricing.Split(
            [new CartLine(10, 1), new CartLine(20, 1), new CartLine(11, 1), new CartLine(21, 1)], catalog, _ => Fulfilment.Pickup);

        drafts.Select(d => d.Shop).ShouldBe([abarrotes, zeta]);
        drafts[0].Lines.Select(l => l.Product.Id).ShouldBe([20, 21], ignoreOrder: true);
        drafts[1].Lines.Select(l => l.Product.Id).ShouldBe([10, 11], ignoreOrder: true);
    }

    [Fact]
    public void Split_PricesLinesFromTheCatalogProducts()
    {
        var drafts = CartPricing.Split([new CartLine(21, 4)], catalog, _ => Fulfilment.Pickup);

        var line = drafts.ShouldHaveSingleItem().Lines.ShouldHaveSingleItem();
        line.Product.ShouldBeSameAs(catalog[21]);
        line.Quantity.ShouldBe(4);
        line.LineTotal.ShouldBe(Money.FromDollars(1.80m));
    }

    [Fact]
    public void Split_RepeatedProduct_BecomesOneLine()
    {
        var drafts = CartPricing.Split([new CartLine(10, 2), new CartLine(10, 3)], catalog, _ => Fulfilment.Pickup);

        var line = drafts.ShouldHaveSingleItem().Lines.ShouldHaveSingleItem();
        line.Quantity.ShouldBe(5);
        line.LineTotal.ShouldBe(Money.FromDollars(3.00m));
    }

    [Fact]
    public void Split_AsksTheFulfilmentOfEachShop()
    {
        var drafts = CartPricing.Split(
            [new CartLine(10, 1), new CartLine(20, 1)], catalog,
            shop => shop == zeta ? Fulfilment.Delivery : Fulfilment.Pickup);

        drafts.Select(d => (d.Shop.Name, d.Fulfilment)).ShouldBe([("Abarrotes Ana", Fulfilment.Pickup), ("Tienda Zeta", Fulfilment.Delivery)]);
    }

    [Fact]
    public void Split_TotalsEachShopWithItsOwnDeliveryFee()
    {
        var drafts = CartPricing.Split(
            [new CartLine(10, 4), new CartLine(11, 2), new CartLine(20, 1), new CartLine(21, 3), new CartLine(10, 1)], catalog,
            _ => Fulfilment.Delivery);

        drafts.Select(d => (d.Subtotal, d.DeliveryFee, d.Total)).ShouldBe(
        [
            (Money.FromDollars(3.70m), Money.FromDollars(2.25m), Money.FromDollars(5.95m)),
            (Money.FromDollars(5.20m), Money.FromDollars(1.00m), Money.FromDollars(6.20m)),
        ]);
    }

    [Fact]
    public void Split_PickupDraft_HasNoDeliveryFee()
    {
        var drafts = CartPricing.Split([new CartLine(11, 3)], catalog, _ => Fulfilment.Pickup);

        var draft = drafts.ShouldHaveSingleItem();
        draft.DeliveryFee.ShouldBe(Money.Zero);
        draft.Total.ShouldBe(Money.FromDollars(3.30m));
    }
}
