using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Integration.Storefront;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Nearby;

/// <summary>
/// The near-me filters of the storefront with a position in the address: pickup, radius and "Hecho en San Salvador".
/// Each test lays out its own shops north of one point, in a category of its own, so only they are listed.
/// </summary>
public sealed class NearMeFilterTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    /// <summary>The centre of San Salvador; 0.009° of latitude north of it is 1.0 km, 0.0315° is 3.5 km.</summary>
    private const double Latitude = 13.6989;
    private const double Longitude = -89.1914;
    private static readonly string Here = FormattableString.Invariant($"lat={Latitude}&lng={Longitude}");

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task PickupFilter_HidesShopsThatOnlyDeliver()
    {
        var slug = await CategoryAsync("Retiro");
        var counter = await ProductAsync(slug, "Mostrador Retiro", north: 0.004, pickup: true, delivery: false, "Pan francés de mostrador");
        var delivered = await ProductAsync(slug, "Moto Solo Entrega", north: 0.005, pickup: false, delivery: true, "Pan francés a domicilio");
        var client = Host.CreateClient();

        var all = await client.GetStringAsync($"/?{Here}&categoria={slug}");
        var pickup = await client.GetStringAsync($"/?{Here}&categoria={slug}&retiro=true");

        StorefrontHtml.ProductIdsIn(all).Order().ShouldBe([counter, delivered]);
        StorefrontHtml.ProductIdsIn(pickup).ShouldBe([counter]);
        pickup.ShouldContain("Pan francés de mostrador");
        pickup.ShouldNotContain("Pan francés a domicilio");
    }

    [Fact]
    public async Task RadiusFilter_HidesShopsFurtherThanTheChosenDistance()
    {
        var slug = await CategoryAsync("Radio");
        var near = await ProductAsync(slug, "Tienda a un kilómetro", north: 0.009, pickup: true, delivery: true, "Horchata cercana");
        var far = await ProductAsync(slug, "Tienda a tres kilómetros y medio", north: 0.0315, pickup: true, delivery: true, "Horchata lejana");
        var client = Host.CreateClient();

        var within2 = await client.GetStringAsync($"/?{Here}&categoria={slug}&radio=2");
        var within5 = await client.GetStringAsync($"/?{Here}&categoria={slug}&radio=5");

        StorefrontHtml.ProductIdsIn(within2).ShouldBe([near]);
        within2.ShouldNotContain("Horchata lejana");
        StorefrontHtml.ProductIdsIn(within5).ShouldBe([near, far], "nearest shop first");
        StorefrontHtml.CardOf(within5, near).ShouldContain("<span class=\"distance\">a 1,0 km</span>");
        StorefrontHtml.CardOf(within5, far).ShouldContain("<span class=\"distance\">a 3,5 km</span>");
    }

    [Fact]
    public async Task HechoEnSanSalvador_ShowsOnlyLocalProducts()
    {
        var slug = await CategoryAsync("Local");
        var shop = await ShopAsync("Quesos del Centro", north: 0.003, pickup: true, delivery: true);
        var local = await ProductAsync(slug, shop, "Queso duro de Chalatenango", isLocal: true);
        var imported = await ProductAsync(slug, shop, "Queso gouda importado", isLocal: false);
        var client = Host.CreateClient();

        var all = await client.GetStringAsync($"/?{Here}&categoria={slug}");
        var madeHere = await client.GetStringAsync($"/?{Here}&categoria={slug}&local=true");

        StorefrontHtml.ProductIdsIn(all).Order().ShouldBe([local, imported]);
        StorefrontHtml.ProductIdsIn(madeHere).ShouldBe([local]);
        madeHere.ShouldNotContain("Queso gouda importado");
        StorefrontHtml.CardOf(madeHere, local).ShouldContain("<p class=\"tag\">Producto local</p>");
        madeHere.ShouldContain("name=\"local\" value=\"true\" checked=\"checked\"");
    }

    /// <summary>A category of this test's own, so that the demo's shops around the point stay out of its lists.</summary>
    private async Task<string> CategoryAsync(string purpose)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var category = new Category { Name = $"Prueba {purpose} {tag}", Slug = $"prueba-{purpose.ToLowerInvariant()}-{tag}" };
        await Checkout.QueryAsync(Host, db =>
        {
            db.Categories.Add(category);
            return db.SaveChangesAsync();
        });
        return category.Slug;
    }

    private async Task<int> ProductAsync(string categorySlug, string shopName, double north, bool pickup, bool delivery, string productName) =>
        await ProductAsync(categorySlug, await ShopAsync(shopName, north, pickup, delivery), productName, isLocal: false);

    private Task<int> ShopAsync(string name, double north, bool pickup, bool delivery) => Checkout.QueryAsync(Host, async db =>
    {
        var municipality = await db.Municipalities.SingleAsync(m => m.Code == "SS");
        var shop = new Shop
        {
            Name = name,
            MunicipalityId = municipality.Id,
            Address = "Calle Arce #100",
            Phone = "+50322221111",
            Latitude = Latitude + north,
            Longitude = Longitude,
            OffersPickup = pickup,
            OffersDelivery = delivery,
            DeliveryRadiusKm = 10,
        };
        shop.Approve();
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return shop.Id;
    });

    private Task<int> ProductAsync(string categorySlug, int shopId, string name, bool isLocal) => Checkout.QueryAsync(Host, async db =>
    {
        var product = new Product
        {
            ShopId = shopId,
            CategoryId = await db.Categories.Where(c => c.Slug == categorySlug).Select(c => c.Id).SingleAsync(),
            Name = name,
            Unit = "unidad",
            Price = Money.FromDollars(1.25m),
            IsLocal = isLocal,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    });
}
