using System.Net;
using System.Net.Http.Json;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Integration.MarketDays;
using Market.Tests.Support;
using Market.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Spine;

/// <summary>An idempotency key belongs to whoever sent it: nobody gets another caller's order back by sending their key.</summary>
public abstract class CheckoutKeyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task AnotherAccount_SendingMyKey_GetsAnOrderOfItsOwn_NeverMine()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var key = Guid.NewGuid().ToString("N");
        var (vecina, _) = await Host.SignInAsync("vecina@demo.sv");
        var (other, _) = await Host.SignInAsync(await TestAccounts.CreateAsync(Host, $"otra.{key[..8]}@demo.sv", "Otra Vecina", Market.Core.Accounts.Roles.Resident));
        var mine = await Checkout.PlaceAsync(vecina, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)), key);

        var theirs = await Checkout.PlaceAsync(other, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)), key);

        theirs.Orders.Single().Code.ShouldNotBe(mine.Orders.Single().Code);
        (await OrdersWithKeyAsync(key)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Anonymous_SendingSomeonesKey_WithOtherDetails_GetsANewOrder_NotTheirs()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var key = Guid.NewGuid().ToString("N");
        var (vecina, _) = await Host.SignInAsync("vecina@demo.sv");
        var mine = await Checkout.PlaceAsync(vecina, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)), key);
        var attacker = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)) with { Customer = new CustomerDto("Curioso", "+503 7999 0000", null, null) };

        var response = await Checkout.PostAsync(Host.CreateClient(), attacker, key);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        body.ShouldNotContain(mine.Orders.Single().Code);
        (await OrdersWithKeyAsync(key)).Select(o => o.Customer.Name).Order().ShouldBe(["Ana López", "Curioso"]);
    }

    [Fact]
    public async Task Anonymous_SendingTheSameKeyAndTheSameRequest_GetsTheSameOrder()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var key = Guid.NewGuid().ToString("N");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        var first = await Checkout.PlaceAsync(Host.CreateClient(), request, key);
        var again = await Checkout.PlaceAsync(Host.CreateClient(), request, key);

        again.Orders.Single().Code.ShouldBe(first.Orders.Single().Code);
        (await OrdersWithKeyAsync(key)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SameAccount_SameKeyWithAnotherRequest_IsRefused_AndChangesNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var key = Guid.NewGuid().ToString("N");
        var (vecina, _) = await Host.SignInAsync("vecina@demo.sv");
        await Checkout.PlaceAsync(vecina, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)), key);

        var changed = await Checkout.PostAsync(vecina, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 3)), key);

        changed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await changed.Content.ReadAsStringAsync()).ShouldContain("ya se envió con otros datos");
        var stored = (await OrdersWithKeyAsync(key)).ShouldHaveSingleItem();
        stored.Items.Single().Quantity.ShouldBe(1);
        (await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(product.Stock - 1);
    }

    [Fact]
    public async Task SameAccount_ReplayingTheSameRequest_GetsTheSameOrder()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var key = Guid.NewGuid().ToString("N");
        var (vecina, _) = await Host.SignInAsync("vecina@demo.sv");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 2));

        var first = await Checkout.PlaceAsync(vecina, request, key);
        var again = await Checkout.PostAsync(vecina, request, key);

        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<PlacedDto>(Checkout.Json))!.Orders.Single().Code.ShouldBe(first.Orders.Single().Code);
    }

    [Fact]
    public async Task HtmlCheckout_TwoGuestBrowsersWithTheSameHiddenKey_EachGetTheirOwnOrder()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var first = Host.CreateClient(followRedirects: false);
        var second = Host.CreateClient(followRedirects: false);
        var firstForm = await OpenCheckoutAsync(first, product);
        var secondForm = await OpenCheckoutAsync(second, product);
        // The second browser copies the first one's key, as someone who saw it would.
        secondForm["IdempotencyKey"] = firstForm["IdempotencyKey"];
        secondForm["Name"] = "Otra Persona";

        var placedFirst = await first.PostAsync("/checkout", new FormUrlEncodedContent(firstForm));
        var placedSecond = await second.PostAsync("/checkout", new FormUrlEncodedContent(secondForm));

        placedFirst.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        placedSecond.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        placedSecond.Headers.Location.ShouldNotBe(placedFirst.Headers.Location);
        (await OrdersWithKeyAsync(firstForm["IdempotencyKey"])).Select(o => o.Customer.Name).Order().ShouldBe(["Ana López", "Otra Persona"]);
    }

    private static async Task<Dictionary<string, string>> OpenCheckoutAsync(HttpClient guest, Product product)
    {
        var added = await guest.PostAsync("/carrito/agregar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = "1",
        }));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fields = MarketSetup.CheckoutFields(await guest.GetStringAsync("/checkout"), product.ShopId, 0);
        fields["Shops[0].Receive"] = "Pickup";
        return fields;
    }

    private Task<List<Order>> OrdersWithKeyAsync(string key) =>
        Checkout.QueryAsync(Host, db => db.Orders.AsNoTracking().Include(o => o.Items).Where(o => o.IdempotencyKey == key).ToListAsync());
}

public sealed class SqliteCheckoutKeyTests(SqliteSpine fixture) : CheckoutKeyTests<SqliteSpine>(fixture);

public sealed class PostgresCheckoutKeyTests(PostgresSpine fixture) : CheckoutKeyTests<PostgresSpine>(fixture);
