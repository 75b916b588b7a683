using Market.Core.Nearby;
using Market.Tests.Unit.Support;

namespace Market.Tests.Unit.Nearby;

public sealed class DistanceTests
{
    private static readonly GeoPoint CentroSanSalvador = new(13.6976, -89.1915);
    private static readonly GeoPoint CentroSoyapango = new(13.7347, -89.1389);

    [Fact]
    public void Distance_OfOneDegreeAlongTheEquator_IsOneDegreeOfTheMeanEarthCircle()
    {
        new GeoPoint(0, 0).DistanceKm(new GeoPoint(0, 1)).ShouldBe(2 * Math.PI * 6371.0088 / 360, tolerance: 1e-6);
    }

    [Fact]
    public void Distance_BetweenSanSalvadorAndSoyapangoCentres_AgreesWithAFlatMapAtCityScale()
    {
        // 4.13 km north and 5.69 km east on a local flat map: 7.03 km.
        var north = (CentroSoyapango.Latitude - CentroSanSalvador.Latitude) * 2 * Math.PI * 6371.0088 / 360;
        var east = (CentroSoyapango.Longitude - CentroSanSalvador.Longitude) * 2 * Math.PI * 6371.0088 / 360 * Math.Cos(13.716 * Math.PI / 180);
        CentroSanSalvador.DistanceKm(CentroSoyapango).ShouldBe(Math.Sqrt(north * north + east * east), tolerance: 0.01);
        CentroSanSalvador.DistanceKm(CentroSoyapango).ShouldBe(7.0, tolerance: 0.1);
    }

    [Fact]
    public void Distance_IsSymmetric_AndZeroToItself()
    {
        CentroSoyapango.DistanceKm(CentroSanSalvador).ShouldBe(CentroSanSalvador.DistanceKm(CentroSoyapango), tolerance: 1e-9);
        CentroSoyapango.DistanceKm(CentroSoyapango).ShouldBe(0);
    }

    [Fact]
    public void Distance_OfOneThousandthDegreeNorth_IsAbout111Metres()
    {
        var north = CentroSoyapango with { Latitude = CentroSoyapango.Latitude + 0.001 };
        CentroSoyapango.DistanceKm(north).ShouldBe(0.1112, tolerance: 0.0005);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3)]
    [InlineData(12)]
    public void Around_HoldsEveryPointWithinTheRadius_InEveryDirection(double radiusKm)
    {
        var box = CentroSoyapango.Around(radiusKm);
        for (var degrees = 0; degrees < 360; degrees += 15)
        {
            var point = Towards(CentroSoyapango, degrees, radiusKm * 0.999);
            CentroSoyapango.DistanceKm(point).ShouldBeLessThanOrEqualTo(radiusKm);
            point.Latitude.ShouldBeInRange(box.MinLatitude, box.MaxLatitude);
            point.Longitude.ShouldBeInRange(box.MinLongitude, box.MaxLongitude);
        }
    }

    [Fact]
    public void DeliveryZone_ReachesResidentsInsideTheRadius_Only()
    {
        var shop = Sample.Shop();
        shop.Latitude = CentroSoyapango.Latitude;
        shop.Longitude = CentroSoyapango.Longitude;
        shop.DeliveryRadiusKm = 3;

        shop.DeliversTo(Towards(CentroSoyapango, 40, 2.9)).ShouldBeTrue();
        shop.DeliversTo(Towards(CentroSoyapango, 40, 3.1)).ShouldBeFalse();
        shop.DeliversTo(CentroSanSalvador).ShouldBeFalse();
    }

    [Fact]
    public void DeliveryZone_OfAShopThatDoesNotDeliver_ReachesNobody()
    {
        var shop = Sample.Shop(delivery: false);
        shop.Latitude = CentroSoyapango.Latitude;
        shop.Longitude = CentroSoyapango.Longitude;

        shop.DeliversTo(CentroSoyapango).ShouldBeFalse();
    }

    /// <summary>The point at a bearing and distance (spherical destination formula).</summary>
    private static GeoPoint Towards(GeoPoint from, double bearingDegrees, double km)
    {
        const double R = 6371.0088;
        double Rad(double d) => d * Math.PI / 180;
        var lat1 = Rad(from.Latitude);
        var lng1 = Rad(from.Longitude);
        var b = Rad(bearingDegrees);
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(km / R) + Math.Cos(lat1) * Math.Sin(km / R) * Math.Cos(b));
        var lng2 = lng1 + Math.Atan2(Math.Sin(b) * Math.Sin(km / R) * Math.Cos(lat1), Math.Cos(km / R) - Math.Sin(lat1) * Math.Sin(lat2));
        return new GeoPoint(lat2 * 180 / Math.PI, lng2 * 180 / Math.PI);
    }
}
