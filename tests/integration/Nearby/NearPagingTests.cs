using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Nearby;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Nearby;

/// <summary>Many shops around the resident: the pages follow each other in distance order, nothing skipped or repeated, and the count is exact.</summary>
public sealed partial class NearPagingTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    [Fact]
    public async Task Pages_WalkEveryNearbyProduct_NearestShopFirst_UnderAnExactCount()
    {
        var host = fixture.Host;
        var (colonia, here) = await Checkout.QueryAsync(host, db => db.Neighbourhoods.Where(n => n.Name == "Colonia Los Santos")
            .Select(n => new ValueTuple<int, GeoPoint>(n.Id, new GeoPoint(n.Latitude, n.Longitude))).SingleAsync());
        await Checkout.QueryAsync(host, async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Code == "SO");
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            for (var i = 0; i < 45; i++)
            {
                var shop = new Shop
                {
                    Name = $"Tienda de paso {i}",
                    MunicipalityId = municipality.Id,
                    Address = "Calle de prueba",
                    Phone = "+50322220000",
                    Latitude = here.Latitude + 0.0009 * (i % 9) - 0.003,
                    Longitude = here.Longitude + 0.0011 * (i / 9) - 0.002,
                    OffersPickup = true,
                };
                shop.Approve();
                db.Shops.Add(shop);
                db.Products.Add(new Product { Shop = shop, CategoryId = category.Id, Name = $"Producto {i % 4}", Unit = "unidad", Price = Money.FromDollars(1) });
                db.Products.Add(new Product { Shop = shop, CategoryId = category.Id, Name = "Producto A", Unit = "unidad", Price = Money.FromDollars(2) });
            }
            return await db.SaveChangesAsync();
        });
        var expected = (await Checkout.QueryAsync(host, db => db.Products.AsNoTracking().Include(p => p.Shop)
                .Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active).ToListAsync()))
            .Where(p => new GeoPoint(p.Shop.Latitude, p.Shop.Longitude).DistanceKm(here) <= 5)
            .OrderBy(p => new GeoPoint(p.Shop.Latitude, p.Shop.Longitude).DistanceKm(here))
            .ThenBy(p => p.ShopId).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => p.Id).ToList();
        var client = host.CreateClient();

        List<int> walked = [];
        var first = await client.GetStringAsync($"/?colonia={colonia}");
        first.ShouldContain($"<h2 class=\"count\">{expected.Count} productos</h2>");
        for (var page = 1; page < 100; page++)
        {
            var html = page == 1 ? first : await client.GetStringAsync($"/?colonia={colonia}&pagina={page}");
            walked.AddRange(ProductIds().Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
            if (!html.Contains(">Siguiente</a>", StringComparison.Ordinal))
            {
                break;
            }
        }

        walked.ShouldBe(expected);
    }

    [GeneratedRegex("id=\"producto-(\\d+)\"")]
    private static partial Regex ProductIds();
}
