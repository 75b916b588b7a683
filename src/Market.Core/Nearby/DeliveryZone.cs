using Market.Core.Catalog;

namespace Market.Core.Nearby;

/// <summary>Whether a shop brings an order to where the resident is: it delivers and the resident is inside its radius.</summary>
public static class DeliveryZone
{
    public static bool Reaches(Shop shop, GeoPoint resident) =>
        shop.OffersDelivery && new GeoPoint(shop.Latitude, shop.Longitude).DistanceKm(resident) <= shop.DeliveryRadiusKm;
}
