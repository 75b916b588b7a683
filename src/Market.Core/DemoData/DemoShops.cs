using Market.Core.Catalog;
using Market.Core.Territory;

namespace Market.Core.DemoData;

/// <summary>Turns a line of tiendas-demo.csv into a shop with a plausible, always identical address, phone and service.</summary>
internal static class DemoShops
{
    private const double KmPerDegree = 111.32;

    private static readonly string[] Streets =
    [
        "Calle Los Almendros", "Avenida Las Palmeras", "Calle El Progreso", "Pasaje Los Pinos",
        "1a Calle Poniente", "3a Avenida Norte", "Calle La Ceiba", "Avenida Los Laureles",
        "Calle Principal", "Pasaje Las Flores", "5a Calle Oriente", "Avenida El Rosal",
    ];

    private static readonly string[] ReferencePoints =
    [
        "frente al parque", "a media cuadra de la iglesia", "contiguo a la unidad de salud",
        "frente a la escuela", "a una cuadra de la parada de buses", "esquina opuesta a la cancha",
        "a la par de la farmacia", "frente a la casa comunal", "a dos cuadras del mercado municipal",
    ];

    public static Shop Create(ShopRow row, MunicipalityRow place, Municipality municipality)
    {
        var key = row.Name;
        var colonia = StableHash.Pick(key + "|colonia", place.Colonias);
        var (latitude, longitude) = Locate(key, place, colonia);
        var isStore = row.Kind == ShopKind.Store;
        var shop = new Shop
        {
            Name = row.Name,
            Kind = row.Kind,
            Municipality = municipality,
            Address = $"{StableHash.Pick(key + "|street", Streets)} #{StableHash.Between(key + "|number", 1, 60)}, {colonia}",
            ReferencePoint = StableHash.Pick(key + "|reference", ReferencePoints),
            Latitude = latitude,
            Longitude = longitude,
            // Shops have landlines (2…); market vendors are reached on a mobile (7…).
            Phone = $"+503{(isStore ? 2 : 7)}{StableHash.Between(key + "|phone", 0, 9_999_999):D7}",
            OffersPickup = true,
            OffersDelivery = isStore,
            DeliveryFee = isStore ? new Money(75 + 25 * StableHash.Below(key + "|fee", 4)) : Money.Zero,
            Hours = DemoHours.For(row),
        };
        shop.Approve();
        return shop;
    }

    /// <summary>
    /// Each colonia gets a fixed point up to 2.2 km from the municipality's centre and each shop lies
    /// within 300 m of its colonia's point, so shops of one colonia are neighbours and none is farther
    /// than 2.5 km from the centre.
    /// </summary>
    private static (double Latitude, double Longitude) Locate(string key, MunicipalityRow place, string colonia)
    {
        var (north, east) = Offset($"{place.Code}|{colonia}", 2.2);
        var (shopNorth, shopEast) = Offset(key + "|location", 0.3);
        var kmPerDegreeOfLongitude = KmPerDegree * Math.Cos(place.Latitude * Math.PI / 180);
        return (
            Math.Round(place.Latitude + (north + shopNorth) / KmPerDegree, 6),
            Math.Round(place.Longitude + (east + shopEast) / kmPerDegreeOfLongitude, 6));
    }

    /// <summary>A point spread evenly over a disc of the given radius, in km north and east of its centre.</summary>
    private static (double North, double East) Offset(string key, double radiusKm)
    {
        var angle = 2 * Math.PI * StableHash.Fraction(key + "|angle");
        var distance = radiusKm * Math.Sqrt(StableHash.Fraction(key + "|distance"));
        return (distance * Math.Cos(angle), distance * Math.Sin(angle));
    }
}
