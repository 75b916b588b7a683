using System.Net;
using System.Text.Json;
using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Spine;

/// <summary>What the JSON API's reads answer, field by field, as a script or an app receives it.</summary>
public sealed class ApiBodiesTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task Products_ListTheShopsActiveProducts_WithIdNameUnitPriceAndStock()
    {
        var shop = await ShopAsync("Abarrotes API");
        var cheese = await ProductAsync(shop, "Queso fresco", "libra", 3.25m, stock: 12);
        var tamales = await ProductAsync(shop, "Tamales de elote", "unidad", 0.60m, stock: null);
        await ProductAsync(shop, "Crema de temporada", "botella", 2.00m, stock: 4, active: false);
        var elsewhere = await ProductAsync(await ShopAsync("Otra tienda API"), "Queso fresco de otra tienda", "libra", 3.10m, stock: 7);

        var response = await Host.CreateClient().GetAsync($"/api/productos?tienda={shop}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var products = body.RootElement.EnumerateArray().Select(p => (
            Id: p.GetProperty("id").GetInt32(),
            Name: p.GetProperty("name").GetString(),
            Unit: p.GetProperty("unit").GetString(),
            PriceCents: p.GetProperty("priceCents").GetInt64(),
            Stock: p.GetProperty("stock").ValueKind == JsonValueKind.Null ? (int?)null : p.GetProperty("stock").GetInt32())).ToList();
        products.ShouldBe([(cheese, "Queso fresco", "libra", 325L, (int?)12), (tamales, "Tamales de elote", "unidad", 60L, (int?)null)]);
        products.Select(p => p.Id).ShouldNotContain(elsewhere);
    }

    [Fact]
    public async Task Order_AfterPlacingAndAccepting_GivesBothEventsInSequence()
    {
        var tere = await OnboardingForms.ShopOfAsync(Host, Tere);
        var product = await ProductAsync(tere.Id, "Chocolate de tablilla", "tablilla", 1.25m, stock: 10);
        var placed = await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (tere.Id, product, 2)));
        var code = placed.Orders.Single().Code;
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        (await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Host.CreateClient().GetAsync($"/api/pedidos/{code}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var events = body.RootElement.EnumerateArray().ToList();
        events.Select(e => (e.GetProperty("sequence").GetInt32(), e.GetProperty("status").GetString())).ShouldBe([(1, "Placed"), (2, "Accepted")]);
        events[1].GetProperty("action").GetString().ShouldBe("Accept");
        events.ShouldAllBe(e => e.GetProperty("code").GetString() == code);
        events.ShouldAllBe(e => e.GetProperty("shopId").GetInt32() == tere.Id);
        events.ShouldAllBe(e => e.GetProperty("fulfilment").GetString() == "Pickup");
        events.ShouldAllBe(e => e.GetProperty("customerName").GetString() == "Ana López");
        events.ShouldAllBe(e => e.GetProperty("totalCents").GetInt64() == 250);
    }

    [Fact]
    public async Task UnknownOrder_IsANotFoundProblem_InSpanish()
    {
        var response = await Host.CreateClient().GetAsync("/api/pedidos/MC-" + new string('7', 17));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
        body.RootElement.GetProperty("title").GetString().ShouldBe("No encontrado");
        body.RootElement.GetProperty("detail").GetString().ShouldBe("Pedido no encontrado.");
    }

    private Task<int> ShopAsync(string name) => Checkout.QueryAsync(Host, async db =>
    {
        var shop = new Shop
        {
            Name = name,
            MunicipalityId = await db.Municipalities.Where(m => m.Code == "SS").Select(m => m.Id).SingleAsync(),
            Address = "Avenida España #200",
            Phone = "+50322223333",
            Latitude = 13.70,
            Longitude = -89.19,
            OffersPickup = true,
        };
        shop.Approve();
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return shop.Id;
    });

    private Task<int> ProductAsync(int shopId, string name, string unit, decimal dollars, int? stock, bool active = true) =>
        Checkout.QueryAsync(Host, async db =>
        {
            var product = new Product
            {
                ShopId = shopId,
                CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                Name = name,
                Unit = unit,
                Price = Money.FromDollars(dollars),
                Stock = stock,
                IsActive = active,
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
}
