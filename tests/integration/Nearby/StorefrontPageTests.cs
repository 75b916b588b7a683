using System.Text.RegularExpressions;
using Market.Core.Catalog;
using Market.Core.Nearby;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Nearby;

/// <summary>The near-me lists as a phone receives them: order, distances, "solo retiro", filters, suggestions, weight.</summary>
public sealed partial class StorefrontPageTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    /// <summary>The first screen without product photos: HTML, style sheet and scripts.</summary>
    private const int FirstScreenBudgetBytes = 150 * 1024;

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task ShopList_IsSortedByDistance_WithTheDistanceShown_AndSoloRetiroOutsideTheDeliveryRadius()
    {
        var (colonia, here) = await PlaceAsync("Centro de Soyapango");
        var shops = await Checkout.QueryAsync(Host, db => db.Shops.AsNoTracking().Where(s => s.Status == ShopStatus.Active).ToListAsync());
        var expected = shops.Select(s => (s.Name, Km: new GeoPoint(s.Latitude, s.Longitude).DistanceKm(here), Delivers: s.DeliversTo(here)))
            .Where(s => s.Km <= 5).OrderBy(s => s.Km).ToList();

        var page = await Host.CreateClient().GetStringAsync($"/tiendas?colonia={colonia}");

        var rows = ShopRows().Matches(page).Select(m => (Name: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        rows.Select(r => r.Name).ShouldBe(expected.Select(e => e.Name));
        expected.ShouldContain(e => !e.Delivers, "the demo has a market vendor (pickup only) near the centre of Soyapango");
        foreach (var (row, shop) in rows.Zip(expected))
        {
            row.Text.ShouldContain(shop.Km < 0.995 ? $"a {Math.Round(shop.Km * 100) * 10:0} m" : $"a {shop.Km:0.0} km".Replace('.', ','));
            row.Text.Contains("Solo retiro", StringComparison.Ordinal).ShouldBe(!shop.Delivers);
        }
    }

    [Fact]
    public async Task Filters_DeliversToMe_AndPriceRange_KeepOnlyWhatMatches()
    {
        var (colonia, here) = await PlaceAsync("Centro de Soyapango");
        var products = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().Include(p => p.Shop)
            .Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active).ToListAsync());
        var expected = products.Where(p => new GeoPoint(p.Shop.Latitude, p.Shop.Longitude).DistanceKm(here) <= 5
            && p.Shop.DeliversTo(here) && p.Price.Cents is >= 100 and <= 200).Select(p => p.Id).Order().ToList();
        expected.ShouldNotBeEmpty();

        var page = await Host.CreateClient().GetStringAsync($"/?colonia={colonia}&entrega=true&min=1.00&max=2&pagina=1");

        page.ShouldContain($"{expected.Count} productos");
        var shown = ProductIds().Matches(page).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        shown.Count.ShouldBe(Math.Min(24, expected.Count));
        shown.ShouldAllBe(id => expected.Contains(id));
        page.ShouldNotContain("Solo retiro");
    }

    [Fact]
    public async Task EmptySearch_SuggestsAWiderRadius_AndCategoriesNearby_NeverABlankPage()
    {
        var (colonia, _) = await PlaceAsync("Centro de Soyapango");

        var page = await Host.CreateClient().GetStringAsync($"/?colonia={colonia}&q=zzzzqqq");

        page.ShouldContain("No encontramos «zzzzqqq»");
        page.ShouldContain($"href=\"/?colonia={colonia}&amp;q=zzzzqqq&amp;radio=10\"");
        page.ShouldContain("Hay productos de estas categorías cerca:");
        page.ShouldContain($"href=\"/?colonia={colonia}&amp;categoria=frutas-y-verduras&amp;radio=5\"");
    }

    [Fact]
    public async Task UnreadablePrice_IsExplained_AndKeptInTheField()
    {
        var page = await Host.CreateClient().GetStringAsync("/?min=dos");

        page.ShouldContain("Escribe el precio en dólares");
        page.ShouldContain("value=\"dos\"");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tiendas")]
    [InlineData("/?q=pupusas")]
    [InlineData("/tiendas?entrega=true&retiro=true")]
    public async Task ListingAndSearchPages_FitTheFirstScreenBudget_WithoutPhotos(string path)
    {
        var (colonia, _) = await PlaceAsync("Centro de Soyapango");
        var client = Host.CreateClient();
        var url = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "colonia=" + colonia;

        var html = await client.GetByteArrayAsync(url);
        var text = System.Text.Encoding.UTF8.GetString(html);
        var assets = 0;
        foreach (Match asset in Assets().Matches(text))
        {
            assets += (await client.GetByteArrayAsync(System.Net.WebUtility.HtmlDecode(asset.Groups[1].Value))).Length;
        }

        text.ShouldContain("name=\"viewport\" content=\"width=device-width, initial-scale=1\"");
        (html.Length + assets).ShouldBeLessThan(FirstScreenBudgetBytes, $"{url}: {html.Length} B of HTML + {assets} B of CSS/JS");
    }

    private Task<(int Id, GeoPoint Point)> PlaceAsync(string name) =>
        Checkout.QueryAsync(Host, db => db.Neighbourhoods.Where(n => n.Name == name)
            .Select(n => new ValueTuple<int, GeoPoint>(n.Id, new GeoPoint(n.Latitude, n.Longitude))).SingleAsync());

    [GeneratedRegex("<li class=\"card shop[^\"]*\">(?:(?!</li>).)*?<h2><a href=\"/tiendas/\\d+\">([^<]+)</a></h2>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ShopRows();

    [GeneratedRegex("id=\"producto-(\\d+)\"")]
    private static partial Regex ProductIds();

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js|lib)/[^\"]+)\"")]
    private static partial Regex Assets();
}
