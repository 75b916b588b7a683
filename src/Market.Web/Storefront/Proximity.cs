using Market.Core.Catalog;
using Market.Core.Nearby;
using Market.Web.Nearby;

namespace Market.Web.Storefront;

/// <summary>A shop seen from where the resident is: how far, whether it brings the order there, whether it is open.</summary>
public sealed record Proximity(double? DistanceKm, bool DeliversHere, bool OffersPickup, bool OpenNow)
{
    /// <summary>"Solo retiro": the shop cannot bring it here, but the resident can go and get it.</summary>
    public bool PickupOnly => DistanceKm is not null && !DeliversHere && OffersPickup;

    public static Proximity Of(Shop shop, ResidentLocation? here, DateTimeOffset now) =>
        here is null
            ? new Proximity(null, false, shop.OffersPickup, shop.IsOpenAt(now))
            : new Proximity(new GeoPoint(shop.Latitude, shop.Longitude).DistanceKm(here.Point), shop.DeliversTo(here.Point), shop.OffersPickup, shop.IsOpenAt(now));
}
