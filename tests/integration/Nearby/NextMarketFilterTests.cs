using System.Text.RegularExpressions;
using Market.Core.MarketDays;
using Market.Core.Nearby;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Nearby;

/// <summary>"En el próximo mercado cerca": what the vendors of the next market day near the resident will bring.</summary>
public sealed partial class NextMarketFilterTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task MarketFilter_NearAMarket_NamesTheNextDay_AndListsOnlyWhatItsVendorsSell()
    {
        var colonia = await Checkout.QueryAsync(Host, db => db.Neighbourhoods.Where(n => n.Name == "Centro Histórico")
            .Select(n => new { n.Id, Point = new GeoPoint(n.Latitude, n.Longitude) }).SingleAsync());

        var page = await Host.CreateClient().GetStringAsync($"/?colonia={colonia.Id}&mercado=true&radio=5");

        var dayId = int.Parse(NextMarketLink().Match(page).Groups[1].Value);
        var upcoming = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().Include(d => d.PublicSpace)
            .Where(d => d.Status == MarketDayStatus.Scheduled).ToListAsync());
        var shown = upcoming.Single(d => d.Id == dayId);
        new GeoPoint(shown.PublicSpace.Latitude, shown.PublicSpace.Longitude).DistanceKm(colonia.Point).ShouldBeLessThanOrEqualTo(5);
        upcoming.Where(d => d.EndsAt > DateTimeOffset.UtcNow && d.StartsAt < shown.StartsAt)
            .ShouldAllBe(d => new GeoPoint(d.PublicSpace.Latitude, d.PublicSpace.Longitude).DistanceKm(colonia.Point) > 5);
        page.ShouldContain(shown.PublicSpace.Name);

        var vendors = await Checkout.QueryAsync(Host, db => db.StallApplications
            .Where(a => a.MarketDayId == dayId && a.Status == StallApplicationStatus.Approved).Select(a => a.ShopId).ToListAsync());
        vendors.ShouldNotBeEmpty("the demo market days near the centre have vendors with approved stalls");
        var productIds = ProductIds().Matches(page).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        productIds.ShouldNotBeEmpty();
        var shops = await Checkout.QueryAsync(Host, db => db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.ShopId).Distinct().ToListAsync());
        shops.ShouldAllBe(id => vendors.Contains(id));
        page.ShouldNotContain("Tienda Doña Tere");
    }

    [Fact]
    public async Task MarketFilter_WhereNoMarketIsComing_SaysSo_AndPointsToEveryMarket()
    {
        var withoutSpaces = await Checkout.QueryAsync(Host, db => db.Municipalities
            .Where(m => !db.PublicSpaces.Any(s => s.MunicipalityId == m.Id)).Select(m => m.Code).FirstAsync());

        var page = await Host.CreateClient().GetStringAsync($"/?municipio={withoutSpaces}&mercado=true");

        page.ShouldContain("No hay mercados en las próximas semanas cerca de ti.");
        page.ShouldContain("<a href=\"/mercados\">Ver todos los mercados</a>");
        ProductIds().Count(page).ShouldBe(0);
    }

    [GeneratedRegex("data-testid=\"next-market\">\\s*<a href=\"/mercados/(\\d+)\"")]
    private static partial Regex NextMarketLink();

    [GeneratedRegex("id=\"producto-(\\d+)\"")]
    private static partial Regex ProductIds();
}
