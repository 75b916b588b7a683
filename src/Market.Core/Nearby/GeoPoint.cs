namespace Market.Core.Nearby;

/// <summary>A point on the map in degrees (WGS 84), as phones and the seeded places give it.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;
    private const double KmPerDegreeOfLatitude = 111.32;

    public static bool IsValid(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && !(latitude == 0 && longitude == 0);

    /// <summary>Great-circle distance (haversine), in km.</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = Radians(other.Latitude - Latitude);
        var dLng = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// A box that holds every point within <paramref name="radiusKm"/>: plain comparisons (indexable in a
    /// database, cheap in memory) before anything computes a real distance.
    /// </summary>
    public GeoBox Around(double radiusKm)
    {
        var dLat = radiusKm / KmPerDegreeOfLatitude;
        var dLng = radiusKm / (KmPerDegreeOfLatitude * Math.Max(0.01, Math.Cos(Radians(Latitude))));
        // 1 % slack: the box is a pre-filter, it must never cut off a point the exact distance keeps.
        return new GeoBox(Latitude - dLat * 1.01, Latitude + dLat * 1.01, Longitude - dLng * 1.01, Longitude + dLng * 1.01);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

public readonly record struct GeoBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude);
