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
    public ShopStatus Status { get; private set; } = ShopStatus.Pending;
    public string? RejectionReason { get; private set; }
    public bool OffersDelivery { get; set; }
    public bool OffersPickup { get; set; }
    public Money DeliveryFee { get; set; }

    /// <summary>How far the shop delivers, in km from its location.</summary>
    public double DeliveryRadiusKm { get; set; } = 3;
    public Money MinimumOrder { get; set; }

    /// <summary>Content hash of the logo's renditions in the photo store, if the shop has one.</summary>
    public string? LogoHash { get; set; }
    public List<OpeningHours> Hours { get; set; } = [];

    /// <summary>The shopkeeper's choice: while closed, checkout refuses its orders instead of taking them for when it opens.</summary>
    public bool RefusesOrdersWhileClosed { get; set; }
    public string? OwnerId { get; set; }

    public bool Offers(Fulfilment fulfilment) =>
        fulfilment == Fulfilment.Delivery ? OffersDelivery : OffersPickup;

    public bool DeliversTo(Nearby.GeoPoint resident) => Nearby.DeliveryZone.Reaches(this, resident);

    public bool IsOpenAt(DateTimeOffset at) => Nearby.OpenNow.IsOpen(Hours, at);

    public DateTimeOffset? NextOpeningAfter(DateTimeOffset at) => Nearby.OpenNow.NextOpening(Hours, at);

    public void Approve() => Move(ShopStatus.Active, from: [ShopStatus.Pending, ShopStatus.Rejected], reason: null);

    public void Reject(string reason) =>
        Move(ShopStatus.Rejected, from: [ShopStatus.Pending], reason: string.IsNullOrWhiteSpace(reason)
            ? throw new Ordering.DomainException("Shop.ReasonRequired") : reason.Trim());

    /// <summary>The shopkeeper closes for a while (holidays): off the storefront, nothing lost.</summary>
    public void Pause() => Move(ShopStatus.Paused, from: [ShopStatus.Active], reason: null);

    public void Resume() => Move(ShopStatus.Active, from: [ShopStatus.Paused], reason: null);

    /// <summary>Its municipality stops the shop (fraud, a complaint upheld); the reason is shown to the shopkeeper.</summary>
    public void Suspend(string reason) =>
        Move(ShopStatus.Suspended, from: [ShopStatus.Active, ShopStatus.Paused], reason: string.IsNullOrWhiteSpace(reason)
            ? throw new Ordering.DomainException("Shop.ReasonRequired") : reason.Trim());

    public void Reinstate() => Move(ShopStatus.Active, from: [ShopStatus.Suspended], reason: null);

    private void Move(ShopStatus to, ShopStatus[] from, string? reason)
    {
        if (!from.Contains(Status))
        {
            throw new Ordering.DomainException("Shop.IllegalStatusChange", Status, to);
        }
        Status = to;
        RejectionReason = reason;
    }
}

/// <summary>A new shop waits for its municipality's approval; only active shops are on the storefront.</summary>
public enum ShopStatus
{
    Pending,
    Active,
    Paused,
    Rejected,

    /// <summary>Stopped by its municipality: hidden, takes no orders, and its owner's sessions are ended.</summary>
    Suspended,
}

/// <summary>One opening span on a weekday, in America/El_Salvador local time.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public enum Fulfilment
{
    Delivery,
    Pickup,
}
