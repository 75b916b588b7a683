using System.Net;
using System.Text.Json;
using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Buying;

/// <summary>
/// A checkout to a shop that is closed now says when it opens (its hours, the shop's time zone, the app's clock); a shop
/// that chose to take no orders while closed has them refused, with nothing stored and the cart kept.
/// </summary>
public sealed class ClosedShopTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task Checkout_ToAClosedShop_SaysWhenItOpens_AndTakesTheOrderForThen()
    {
        var product = await ShopWithHoursAsync(refusesWhileClosed: false);
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Sunday, 13));
        var (client, cookies) = await Host.SignInAsync("vecina@demo.sv");
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));

        var page = await client.GetStringAsync("/checkout");
        var placed = await client.PostAsync("/checkout", new FormUrlEncodedContent(CheckoutHtml.Fields(page, new Dictionary<int, string> { [product.ShopId] = "Pickup" })));

        page.ShouldContain("Cerrado ahora · abre mañana a las 7:00: tu pedido se atiende al abrir.");
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 5, "Cerrado ahora · abre hoy a las 7:00")]
    [InlineData(DayOfWeek.Saturday, 20, "Cerrado ahora · abre mañana a las 8:00")]
    public async Task Checkout_ToAClosedShop_NamesTheDayItOpens(DayOfWeek day, int hour, string expected)
    {
        var product = await ShopWithHoursAsync(refusesWhileClosed: false);
        fixture.Clock.Set(SettableClock.Next(day, hour));
        var cookies = new CookieContainer();
        var guest = Host.CreateClient(cookies);
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));

        (await guest.GetStringAsync("/checkout")).ShouldContain(expected);
    }

    [Fact]
    public async Task Checkout_ToAnOpenShop_SaysNothingOfHours()
    {
        var product = await ShopWithHoursAsync(refusesWhileClosed: true);
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Wednesday, 11));
        var cookies = new CookieContainer();
        var guest = Host.CreateClient(cookies);
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));

        (await guest.GetStringAsync("/checkout")).ShouldNotContain("Cerrado ahora");
    }

    [Fact]
    public async Task Checkout_ToAShopThatRefusesOrdersWhileClosed_IsRefused_StoresNothing_AndKeepsTheCartAndWhatWasTyped()
    {
        var product = await ShopWithHoursAsync(refusesWhileClosed: true);
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Sunday, 13));
        var (client, cookies) = await Host.SignInAsync("vecina@demo.sv");
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 3));
        var page = await client.GetStringAsync("/checkout");
        var fields = CheckoutHtml.Fields(page, new Dictionary<int, string> { [product.ShopId] = "Delivery" });
        fields["ReferencePoint"] = "portón verde";

        var refused = await client.PostAsync("/checkout", new FormUrlEncodedContent(fields));

        var answer = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Cerrado ahora · abre mañana a las 7:00. Mientras está cerrada no recibe pedidos.");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.ShouldContain($"{product.Shop.Name} está cerrada y no recibe pedidos hasta que abra.");
        CheckoutHtml.Value(answer, "ReferencePoint").ShouldBe("portón verde");
        CheckoutHtml.Value(answer, "Address").ShouldBe("Colonia Escalón, pasaje 3 #12");
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync(o => o.IdempotencyKey == fields["IdempotencyKey"]))).ShouldBe(0);
        (await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id))).Stock.ShouldBe(product.Stock);
        cookies.GetCookies(Host.BaseAddress)["mc.cart"]!.Value.ShouldBe($"{product.Id}:3");
    }

    [Fact]
    public async Task ApiOrder_ToAShopThatRefusesOrdersWhileClosed_IsAConflictProblem_AndStoresNothing()
    {
        var product = await ShopWithHoursAsync(refusesWhileClosed: true);
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Sunday, 13));
        var key = Guid.NewGuid().ToString("N");

        var response = await Checkout.PostAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)), key);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").GetProperty($"shop-{product.ShopId}")[0].GetString()
            .ShouldBe($"{product.Shop.Name} está cerrada y no recibe pedidos hasta que abra. Tu carrito sigue igual: quita sus productos o vuelve cuando abra.");
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync(o => o.IdempotencyKey == key))).ShouldBe(0);
    }

    /// <summary>A demo store given the usual hours (Monday to Saturday 7:00–19:00, Sunday 8:00–12:00) and the owner's choice.</summary>
    private async Task<Product> ShopWithHoursAsync(bool refusesWhileClosed)
    {
        var product = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv");
        await Checkout.QueryAsync(Host, async db =>
        {
            var shop = await db.Shops.Include(s => s.Hours).SingleAsync(s => s.Id == product.ShopId);
            shop.Hours = [.. Enum.GetValues<DayOfWeek>().Select(d => d == DayOfWeek.Sunday
                ? new OpeningHours(d, new TimeOnly(8, 0), new TimeOnly(12, 0))
                : new OpeningHours(d, new TimeOnly(7, 0), new TimeOnly(19, 0)))];
            shop.RefusesOrdersWhileClosed = refusesWhileClosed;
            shop.OffersDelivery = true;
            shop.OffersPickup = true;
            return await db.SaveChangesAsync();
        });
        product.Shop.RefusesOrdersWhileClosed = refusesWhileClosed;
        return product;
    }
}
