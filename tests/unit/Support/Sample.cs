using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Tests.Unit.Support;

public static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, TimeSpan.FromHours(-6));

    public static CustomerContact Customer { get; } =
        new("Ana López", "+50371234567", "Colonia Escalón, pasaje 3 #12", "portón verde");

    public static Shop Shop(int id = 1, string name = "Tienda Doña Rosa", bool delivery = true, bool pickup = true,
        decimal deliveryFee = 1.50m) => new()
    {
        Id = id,
        Name = name,
        Address = "Calle El Progreso 10, San Salvador",
        Phone = "+50322223333",
        OffersDelivery = delivery,
        OffersPickup = pickup,
        DeliveryFee = Money.FromDollars(deliveryFee),
    };

    public static Product Product(Shop shop, int id, decimal price, string name = "Pan francés", string unit = "bolsa") => new()
    {
        Id = id,
        ShopId = shop.Id,
        Shop = shop,
        Name = name,
        Unit = unit,
        Price = Money.FromDollars(price),
    };

    public static Order PlacedOrder(Fulfilment fulfilment, PaymentMethod payment = PaymentMethod.CashOnDelivery)
    {
        var shop = Shop();
        var draft = new OrderDraft(shop, fulfilment, [new OrderDraftLine(Product(shop, 10, 1.25m), 2)]);
        return Order.Place(draft, Key(), "resident-1", Customer, null, Now, payment);
    }

    public static CheckoutKey Key() => new("cuenta:resident-1", Guid.NewGuid().ToString("N"), new string('0', CheckoutKey.HashLength));

    public static Order CardOrder(Fulfilment fulfilment) => PlacedOrder(fulfilment, PaymentMethod.Card);
}
