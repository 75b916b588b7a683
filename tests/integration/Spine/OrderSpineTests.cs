using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Spine;

/// <summary>The order spine, end to end: the same tests run on SQLite and on PostgreSQL.</summary>
public abstract class OrderSpineTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private const string Tere = "tere@demo.sv";
    private const string Chepe = "chepe@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task PlacedOrder_ReachesTheWorker_AndEveryStepIsStreamedLive()
    {
        var (shopkeeper, cookies) = await Host.SignInAsync(Tere);
        await using var shopLive = await LiveClient.ConnectAsync(Host, cookies);
        await shopLive.FollowShopAsync();
        var product = await Checkout.StockedProductOfAsync(Host, Tere);

        var placed = await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Delivery, (product.ShopId, product.Id, 2)));
        var code = placed.Orders.Single().Code;

        await shopLive.WaitForAsync(u => u.Code == code && u.Status == OrderStatus.Placed);
        await using var residentLive = await LiveClient.ConnectAsync(Host);
        (await residentLive.FollowOrderAsync(code)).Select(u => u.Status).ShouldBe([OrderStatus.Placed]);
        foreach (var (action, status) in new[]
        {
            (OrderAction.Accept, OrderStatus.Accepted),
            (OrderAction.StartPreparing, OrderStatus.Preparing),
            (OrderAction.SendOut, OrderStatus.OutForDelivery),
            (OrderAction.Deliver, OrderStatus.Delivered),
        })
        {
            (await shopkeeper.PostAsync($"/api/pedidos/{code}/{action}", Checkout.NoReason)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await residentLive.WaitForAsync(u => u.Code == code && u.Status == status);
            await shopLive.WaitForAsync(u => u.Code == code && u.Status == status);
        }

        residentLive.Received.Where(u => u.Code == code).Select(u => u.Sequence).ShouldBe([2, 3, 4, 5]);
        var handled = await Eventually.Until(() => Checkout.QueryAsync(Host, db =>
            db.FulfilmentHandlings.Where(h => db.Orders.Any(o => o.Id == h.OrderId && o.Code == code)).Select(h => h.Sequence).ToListAsync()),
            list => list.Count == 5);
        handled.Order().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Theory]
    [InlineData(OrderAction.Reject, true)]
    [InlineData(OrderAction.Cancel, false)]
    public async Task OrderThatEndsWithoutReachingTheResident_PutsItsUnitsBackOnTheShelf_Once(OrderAction action, bool byShop)
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere, stock: 10);
        var resident = Host.CreateClient();
        var code = (await Checkout.PlaceAsync(resident, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 3)))).Orders.Single().Code;
        (await StockAsync(product.Id)).ShouldBe(7);

        var who = byShop ? shopkeeper : resident;
        (await who.PostAsJsonAsync($"/api/pedidos/{code}/{action}", new { reason = "Se nos acabó el gas" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await who.PostAsJsonAsync($"/api/pedidos/{code}/{action}", new { reason = "Otra vez" })).IsSuccessStatusCode.ShouldBeFalse();

        (await StockAsync(product.Id)).ShouldBe(10);
    }

    private Task<int?> StockAsync(int productId) =>
        Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());

    [Fact]
    public async Task ReconnectingClient_GetsEveryEventAfterTheLastSequenceItSaw()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason);
        await shopkeeper.PostAsync($"/api/pedidos/{code}/StartPreparing", Checkout.NoReason);
        await shopkeeper.PostAsync($"/api/pedidos/{code}/MarkReady", Checkout.NoReason);

        await using var resident = await LiveClient.ConnectAsync(Host);
        var missed = await resident.FollowOrderAsync(code, afterSequence: 1);

        missed.Select(u => (u.Sequence, u.Status)).ShouldBe([(2, OrderStatus.Accepted), (3, OrderStatus.Preparing), (4, OrderStatus.ReadyForPickup)]);
    }

    [Fact]
    public async Task FiftyConcurrentCheckouts_ForTheLastFiveUnits_MakeExactlyFiveOrders()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Chepe, stock: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Checkout.PostAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(5);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        (await refused[0].Content.ReadAsStringAsync()).ShouldContain("sin existencias");
        (await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(0);
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync(o => o.Items.Any(i => i.ProductId == product.Id)))).ShouldBe(5);
    }

    [Fact]
    public async Task DoubleSubmittedCheckout_MakesOneOrder()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var stockBefore = product.Stock!.Value;
        var key = Guid.NewGuid().ToString("N");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Checkout.PostAsync(Host.CreateClient(), request, key)));

        var codes = await Task.WhenAll(responses.Select(async r =>
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await r.Content.ReadFromJsonAsync<Market.Web.Api.PlacedDto>(Checkout.Json))!.Orders.Single().Code;
        }));
        codes.Distinct().Count().ShouldBe(1);
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync(o => o.IdempotencyKey == key))).ShouldBe(1);
        (await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(stockBefore - 1);
    }

    [Fact]
    public async Task Checkout_PricesEveryLineFromTheCatalog_AndAddsTheDeliveryFee()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);

        var placed = await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Delivery, (product.ShopId, product.Id, 3)));

        placed.Orders.Single().TotalCents.ShouldBe(product.Price.Cents * 3 + product.Shop.DeliveryFee.Cents);
        var stored = await Checkout.QueryAsync(Host, db => db.Orders.Include(o => o.Items).SingleAsync(o => o.Code == placed.Orders[0].Code));
        stored.Items.Single().UnitPrice.ShouldBe(product.Price);
        stored.Customer.Phone.ShouldBe("+50371234567");
    }

    [Fact]
    public async Task Checkout_WithBadInput_IsRefusedInSpanish_AndChangesNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var ordersBefore = await Checkout.QueryAsync(Host, db => db.Orders.CountAsync());
        var request = Checkout.Request(Fulfilment.Delivery, (product.ShopId, product.Id, 0)) with
        {
            Customer = new("Ana", "12345", null, null),
        };

        var response = await Checkout.PostAsync(Host.CreateClient(), request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Escribe un teléfono de El Salvador");
        body.ShouldContain("Cada cantidad debe estar entre 1 y 99");
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync())).ShouldBe(ordersBefore);
        (await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(product.Stock);
    }

    [Fact]
    public async Task TwoShopkeepersAcceptingAtOnce_RecordOneAcceptance()
    {
        var (first, _) = await Host.SignInAsync(Tere);
        var (second, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason),
            second.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Single(a => a.StatusCode != HttpStatusCode.OK).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        var events = await Checkout.QueryAsync(Host, db => db.OrderEvents.Where(e => db.Orders.Any(o => o.Id == e.OrderId && o.Code == code))
            .OrderBy(e => e.Sequence).Select(e => e.Status).ToListAsync());
        events.ShouldBe([OrderStatus.Placed, OrderStatus.Accepted]);
    }

    [Fact]
    public async Task Shopkeeper_CannotMoveAnotherShopsOrder()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        var (chepe, _) = await Host.SignInAsync(Chepe);

        var viaApi = await chepe.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason);
        var inbox = await chepe.GetStringAsync("/tienda/pedidos");
        var viaForm = await chepe.PostAsync($"/tienda/pedidos/{code}/Reject", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "no es mío",
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(inbox),
        }));

        viaApi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        viaForm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        inbox.ShouldNotContain(code);
        var stored = await Checkout.QueryAsync(Host, db => db.Orders.SingleAsync(o => o.Code == code));
        stored.Status.ShouldBe(OrderStatus.Placed);
        stored.Version.ShouldBe(1);
    }

    [Fact]
    public async Task IllegalStep_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;

        var response = await shopkeeper.PostAsync($"/api/pedidos/{code}/Deliver", Checkout.NoReason);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ese paso no es posible: el pedido está «Recibido»");
        (await Checkout.QueryAsync(Host, db => db.Orders.SingleAsync(o => o.Code == code))).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Resident_CannotReadAnOrderWithoutItsCode()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (resident, _) = await Host.SignInAsync("vecina@demo.sv");
        var mine = (await Checkout.PlaceAsync(resident, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        var someoneElses = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        var guessed = "MC-" + new string('2', 17);

        var myList = await resident.GetStringAsync("/mis-pedidos");
        var guessedPage = await resident.GetAsync($"/pedidos/{guessed}");
        var guessedApi = await resident.GetAsync($"/api/pedidos/{guessed}");
        await using var live = await LiveClient.ConnectAsync(Host);

        myList.ShouldContain(mine);
        myList.ShouldNotContain(someoneElses);
        guessedPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        guessedApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => live.FollowOrderAsync(guessed));
        (await Host.CreateClient(followRedirects: false).GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TerritoryPage_ShowsMunicipalStaffOnlyTheirMunicipality_AndIsClosedToResidents()
    {
        var (municipal, _) = await Host.SignInAsync("alcaldia.ss@demo.sv");
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");
        var (resident, _) = await Host.SignInAsync("vecina@demo.sv");

        var own = await municipal.GetStringAsync("/admin");
        var all = await metro.GetStringAsync("/admin");
        var refused = await resident.GetAsync("/admin");

        own.ShouldContain("Tu territorio hoy");
        own.ShouldContain("San Salvador");
        own.ShouldNotContain("Soyapango");
        all.ShouldContain("San Salvador");
        all.ShouldContain("Soyapango");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
    }

    [Fact]
    public async Task TerritoryPage_CountsTodaysOrders_OpenOrders_AndActiveShops_AsTheyChange()
    {
        var (municipal, _) = await Host.SignInAsync("alcaldia.ss@demo.sv");
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var before = Territory(await municipal.GetStringAsync("/admin"), "San Salvador");

        var placed = await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)));
        var afterOrder = Territory(await municipal.GetStringAsync("/admin"), "San Salvador");
        var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/pedidos/{placed.Orders.Single().Code}/Cancel") { Content = JsonContent.Create(new { reason = "Ya no" }) };
        (await Host.CreateClient().SendAsync(cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterCancel = Territory(await municipal.GetStringAsync("/admin"), "San Salvador");
        var (_, shop) = await Onboarding.OnboardingForms.RegisterAsVisitorAsync(Host, "Tienda Contada " + Guid.NewGuid().ToString("N")[..6]);
        await Onboarding.OnboardingForms.PostAsync(municipal, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>());
        var afterShop = Territory(await municipal.GetStringAsync("/admin"), "San Salvador");

        (afterOrder.OrdersToday, afterOrder.OpenOrders).ShouldBe((before.OrdersToday + 1, before.OpenOrders + 1));
        (afterCancel.OrdersToday, afterCancel.OpenOrders).ShouldBe((before.OrdersToday + 1, before.OpenOrders));
        afterShop.ActiveShops.ShouldBe(before.ActiveShops + 1);
        afterShop.Products.ShouldBe(before.Products);
    }

    /// <summary>The row of one municipality on /admin: active shops, products, orders today, open orders.</summary>
    private static (int ActiveShops, int Products, int OrdersToday, int OpenOrders) Territory(string page, string municipality)
    {
        var row = Regex.Match(page, $"<th scope=\"row\">{Regex.Escape(municipality)}</th>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>");
        row.Success.ShouldBeTrue($"no row for {municipality} on /admin");
        int Cell(int i) => int.Parse(row.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Cell(1), Cell(2), Cell(3), Cell(4));
    }
}

public sealed class SqliteOrderSpineTests(SqliteSpine fixture) : OrderSpineTests<SqliteSpine>(fixture);

public sealed class PostgresOrderSpineTests(PostgresSpine fixture) : OrderSpineTests<PostgresSpine>(fixture);
