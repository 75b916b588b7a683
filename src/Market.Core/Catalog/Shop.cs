using Market.Core.Territory;

namespace Market.Core.Catalog;

public enum ShopKind
{
    Store,
    MarketVendor,
}

public sealed class Shop
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ShopKind Kind { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality Municipality { get; set; } = null!;
    public required string Address { get; set; }
    public string? ReferencePoint { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public bool OffersDelivery { get; set; }
    public bool OffersPickup { get; set; }
    public Money DeliveryFee { get; set; }
    public List<OpeningHours> Hours { get; set; } = [];
    public string? OwnerId { get; set; }

    public bool Offers(Fulfilment fulfilment) =>
        fulfilment == Fulfilment.Delivery ? OffersDelivery : OffersPickup;
}

/// <summary>One opening span on a weekday, in America/El_Salvador local time.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public enum Fulfilment
{
    Delivery,
    Pickup,
}
