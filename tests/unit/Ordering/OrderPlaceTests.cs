using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Unit.Support;

namespace Market.Tests.Unit.Ordering;

public sealed class OrderPlaceTests
{
    private static readonly Shop Shop = Sample.Shop(id: 7, deliveryFee: 1.50m);
    private static readonly Product Bread = Sample.Product(Shop, 70, 1.25m, "Pan francés", "bolsa");
    private static readonly Product Beans = Sample.Product(Shop, 71, 0.80m, "Frijoles rojos", "libra");

    private static OrderDraft Draft(Fulfilment fulfilment, Shop? shop = null) =>
        new(shop ?? Shop, fulfilment, [new OrderDraftLine(Bread, 3), new OrderDraftLine(Beans, 2)]);

    private static readonly CheckoutKey Key = new("cuenta:resident-1", "key-1", new string('a', CheckoutKey.HashLength));

    private static Order Place(OrderDraft draft, CustomerContact? customer = null, Money? cash = null) =>
        Order.Place(draft, Key, "resident-1", customer ?? Sample.Customer, cash, Sample.Now);

    [Fact]
    public void Place_EmptyDraft_IsRefused()
    {
        var refused = Should.Throw<DomainException>(() => Place(new OrderDraft(Shop, Fulfilment.Pickup, [])));

        refused.MessageKey.ShouldBe("Checkout.EmptyCart");
    }

    [Theory]
    [InlineData(Fulfilment.Delivery, "Checkout.NoDelivery")]
    [InlineData(Fulfilment.Pickup, "Checkout.NoPickup")]
    public void Place_FulfilmentTheShopDoesNotOffer_IsRefused(Fulfilment fulfilment, string key)
    {
        var shop = Sample.Shop(delivery: fulfilment != Fulfilment.Delivery, pickup: fulfilment != Fulfilment.Pickup);

        var refused = Should.Throw<DomainException>(() => Place(Draft(fulfilment, shop)));

        refused.MessageKey.ShouldBe(key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Place_DeliveryWithoutAddress_IsRefused(string? address)
    {
        var customer = Sample.Customer with { Address = address };

        var refused = Should.Throw<DomainException>(() => Place(Draft(Fulfilment.Delivery), customer));

        refused.MessageKey.ShouldBe("Checkout.AddressRequired");
    }

    [Fact]
    public void Place_PickupWithoutAddress_IsAccepted()
    {
        var order = Place(Draft(Fulfilment.Pickup), Sample.Customer with { Address = null });

        order.Status.ShouldBe(OrderStatus.Placed);
    }

    [Theory]
    [InlineData(Fulfilment.Delivery, 6.84)]
    [InlineData(Fulfilment.Pickup, 5.34)]
    public void Place_CashBelowTotal_IsRefused(Fulfilment fulfilment, decimal cash)
    {
        var refused = Should.Throw<DomainException>(() => Place(Draft(fulfilment), cash: Money.FromDollars(cash)));

        refused.MessageKey.ShouldBe("Checkout.CashBelowTotal");
    }

    [Theory]
    [InlineData(Fulfilment.Delivery, 5.35, 1.50, 6.85)]
    [InlineData(Fulfilment.Pickup, 5.35, 0, 5.35)]
    public void Place_ComputesSubtotalDeliveryFeeAndTotal(Fulfilment fulfilment, decimal subtotal, decimal fee, decimal total)
    {
        var order = Place(Draft(fulfilment));

        order.Subtotal.ShouldBe(Money.FromDollars(subtotal));
        order.DeliveryFee.ShouldBe(Money.FromDollars(fee));
        order.Total.ShouldBe(Money.FromDollars(total));
    }

    [Theory]
    [InlineData(Fulfilment.Delivery, 10.00, 3.15)]
    [InlineData(Fulfilment.Delivery, 6.85, 0)]
    [InlineData(Fulfilment.Pickup, 20.00, 14.65)]
    public void Place_WithCash_ComputesTheChangeDue(Fulfilment fulfilment, decimal cash, decimal change)
    {
        var order = Place(Draft(fulfilment), cash: Money.FromDollars(cash));

        order.CashTendered.ShouldBe(Money.FromDollars(cash));
        order.ChangeDue.ShouldBe(Money.FromDollars(change));
    }

    [Fact]
    public void Place_WithoutCash_HasNoChangeDue()
    {
        Place(Draft(Fulfilment.Delivery)).ChangeDue.ShouldBeNull();
    }

    [Fact]
    public void Place_ItemsKeepTheCatalogPriceOfThatMoment()
    {
        var shop = Sample.Shop();
        var soap = Sample.Product(shop, 1, 0.95m, "Jabón de cuche", "barra");
        var order = Place(new OrderDraft(shop, Fulfilment.Pickup, [new OrderDraftLine(soap, 4)]));

        soap.Price = Money.FromDollars(1.40m);
        soap.Name = "Jabón de cuche grande";

        var item = order.Items.ShouldHaveSingleItem();
        item.ShouldBe(new OrderItem(1, "Jabón de cuche", "barra", Money.FromDollars(0.95m), 4));
        item.LineTotal.ShouldBe(Money.FromDollars(3.80m));
        order.Subtotal.ShouldBe(Money.FromDollars(3.80m));
    }

    [Fact]
    public void Place_StartsPlacedWithItsFirstEvent()
    {
        var order = Place(Draft(Fulfilment.Delivery));

        order.Status.ShouldBe(OrderStatus.Placed);
        order.Version.ShouldBe(1);
        order.ShopId.ShouldBe(7);
        order.ResidentId.ShouldBe("resident-1");
        order.IdempotencyScope.ShouldBe("cuenta:resident-1");
        order.IdempotencyKey.ShouldBe("key-1");
        order.RequestHash.ShouldBe(Key.RequestHash);
        order.PlacedAt.ShouldBe(Sample.Now);
        order.Payment.ShouldBe(PaymentMethod.CashOnDelivery);
        var placed = order.Events.ShouldHaveSingleItem();
        placed.Sequence.ShouldBe(1);
        placed.Status.ShouldBe(OrderStatus.Placed);
        placed.Action.ShouldBeNull();
        placed.OrderId.ShouldBe(order.Id);
    }

    [Fact]
    public void Place_CodeIsMCAndSeventeenUnambiguousCharacters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => Place(Draft(Fulfilment.Pickup)).Code).ToList();

        codes.ShouldAllBe(c => Regex.IsMatch(c, "^MC-[2-9A-HJKMNP-Z]{17}$"));
    }

    [Fact]
    public void Place_TwoOrders_GetDifferentCodesAndIds()
    {
        var first = Place(Draft(Fulfilment.Pickup));
        var second = Place(Draft(Fulfilment.Pickup));

        second.Code.ShouldNotBe(first.Code);
        second.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void Place_Pickup_DropsTheAddressAndReferencePoint()
    {
        var order = Place(Draft(Fulfilment.Pickup));

        order.Customer.ShouldBe(new CustomerContact("Ana López", "+50371234567", null, null));
    }

    [Fact]
    public void Place_Delivery_KeepsTheAddressAndReferencePoint()
    {
        var order = Place(Draft(Fulfilment.Delivery));

        order.Customer.ShouldBe(Sample.Customer);
    }
}
