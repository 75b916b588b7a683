using System.Net;
using System.Text.Json.Nodes;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Payments;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Payments;

/// <summary>
/// Card payments end to end: the real Stripe.net client against the Stripe fake, real signed webhooks, real SignalR;
/// the same tests on SQLite and on PostgreSQL, whose concurrency differs.
/// </summary>
public abstract class CardPaymentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : PaymentsFixture
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;
    private StripeFake Stripe => fixture.Stripe;

    [Fact]
    public async Task CardOrder_PaidOnStripesPage_ReachesTheShopLiveOnlyAfterPayment()
    {
        var (shopkeeper, cookies) = await Host.SignInAsync(Tere);
        await using var shopLive = await LiveClient.ConnectAsync(Host, cookies);
        await shopLive.FollowShopAsync();
        var product = await Checkout.StockedProductOfAsync(Host, Tere, stock: 10);

        var code = await CardCheckout.PlaceAsync(Host, product, quantity: 2);

        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        (await CardCheckout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(8);
        (await CardCheckout.QueryAsync(Host, db => db.Outbox.CountAsync(m => m.OrderId == order.Id))).ShouldBe(0);
        (await shopkeeper.GetStringAsync("/tienda/pedidos")).ShouldNotContain(code);
        (await shopLive.FollowShopAsync()).ShouldNotContain(u => u.Code == code);

        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        stripePage.Authority.ShouldBe(Stripe.BaseAddress.Authority);
        var session = Stripe.Session(CardCheckout.SessionId(stripePage));
        ((long)session["amount_total"]!).ShouldBe(order.Total.Cents);
        ((string)session["metadata"]!["order_id"]!).ShouldBe(order.Id.ToString());
        Stripe.Requests.ShouldContain(r => r.Path == "/v1/checkout/sessions" && r.IdempotencyKey == $"checkout-{order.Id:N}-1");
        var back = await CardCheckout.PressOnStripeAsync(stripePage, "pay");

        back.ToString().ShouldBe(new Uri(Host.BaseAddress, $"/pedidos/{code}?pago=ok").ToString());
        var live = await shopLive.WaitForAsync(u => u.Code == code && u.Status == OrderStatus.Placed);
        live.Action.ShouldBe(OrderAction.ConfirmPayment);
        live.Sequence.ShouldBe(2);
        order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Placed);
        order.PaidAt.ShouldNotBeNull();
        var ledger = await CardCheckout.QueryAsync(Host, db => db.Ledger.Where(l => l.OrderId == order.Id).ToListAsync());
        ledger.Single(l => l.Kind == LedgerKind.CardSale).Amount.ShouldBe(order.Total);
        CardCheckout.Text(await Host.CreateClient().GetStringAsync($"/pedidos/{code}")).ShouldContain($"Pagado con tarjeta: {order.Total}");
        CardCheckout.Text(await shopkeeper.GetStringAsync("/tienda/pedidos")).ShouldContain("Pagado con tarjeta");
        (await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeclinedCard_TellsTheResidentWhy_AndTheyRetryOrSwitchToCash()
    {
        var (_, cookies) = await Host.SignInAsync(Tere);
        await using var shopLive = await LiveClient.ConnectAsync(Host, cookies);
        await shopLive.FollowShopAsync();
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var firstPage = await CardCheckout.PressPayAsync(Host, code);

        var back = await CardCheckout.PressOnStripeAsync(firstPage, "decline");

        back.ToString().ShouldEndWith($"/pedidos/{code}?pago=volver");
        var page = CardCheckout.Text(await Host.CreateClient().GetStringAsync($"/pedidos/{code}"));
        page.ShouldContain("La tarjeta no tiene fondos suficientes");
        page.ShouldContain("Intentar de nuevo con tarjeta");
        page.ShouldContain("Mejor pago en efectivo al retirar");
        (await CardCheckout.OrderAsync(Host, code)).Status.ShouldBe(OrderStatus.AwaitingPayment);

        var secondPage = await CardCheckout.PressPayAsync(Host, code);
        secondPage.ShouldNotBe(firstPage);
        ((string)Stripe.Session(CardCheckout.SessionId(firstPage))["status"]!).ShouldBe("expired");
        var order = await CardCheckout.OrderAsync(Host, code);
        Stripe.Requests.ShouldContain(r => r.Path == "/v1/checkout/sessions" && r.IdempotencyKey == $"checkout-{order.Id:N}-2");

        (await CardCheckout.PressCashAsync(Host, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Placed);
        order.Payment.ShouldBe(PaymentMethod.CashOnDelivery);
        ((string)Stripe.Session(CardCheckout.SessionId(secondPage))["status"]!).ShouldBe("expired");
        (await shopLive.WaitForAsync(u => u.Code == code && u.Status == OrderStatus.Placed)).Action.ShouldBe(OrderAction.PayOnDelivery);
    }

    [Fact]
    public async Task PaymentPageUnavailable_TellsTheResident_AndCashStillWorks()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        Stripe.SessionsDown = true;

        var resident = Host.CreateClient(new CookieContainer(), followRedirects: false);
        var back = await CardCheckout.PressPayAsync(Host, code, resident);
        Stripe.SessionsDown = false;

        back.ToString().ShouldBe($"/pedidos/{code}");
        var page = CardCheckout.Text(await resident.GetStringAsync(back));
        page.ShouldContain("No pudimos abrir la página de pago");
        page.ShouldContain("Mejor pago en efectivo al retirar");
        (await CardCheckout.OrderAsync(Host, code)).Status.ShouldBe(OrderStatus.AwaitingPayment);

        (await CardCheckout.PressCashAsync(Host, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Placed);
        order.Payment.ShouldBe(PaymentMethod.CashOnDelivery);
    }

    [Fact]
    public async Task UnpaidOrder_PastTheTimeout_IsCancelledAndItsStockReleased_WithoutTheShopHearingOfIt()
    {
        var (_, cookies) = await Host.SignInAsync(Tere);
        await using var shopLive = await LiveClient.ConnectAsync(Host, cookies);
        await shopLive.FollowShopAsync();
        var product = await Checkout.StockedProductOfAsync(Host, Tere, stock: 10);
        var stale = await CardCheckout.PlaceAsync(Host, product, quantity: 3);
        await using var residentLive = await LiveClient.ConnectAsync(Host);
        await residentLive.FollowOrderAsync(stale);
        var fresh = await CardCheckout.PlaceAsync(Host, product, quantity: 2);
        var stalePage = await CardCheckout.PressPayAsync(Host, stale);
        var placed = await CardCheckout.OrderAsync(Host, stale);
        await CardCheckout.QueryAsync(Host, db => db.Orders.Where(o => o.Id == placed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PlacedAt, placed.PlacedAt.AddMinutes(-31))));

        int cancelled;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            cancelled = await scope.ServiceProvider.GetRequiredService<ExpireUnpaidOrdersHandler>().HandleAsync(new ExpireUnpaidOrders(), default);
        }

        cancelled.ShouldBe(1);
        var order = await CardCheckout.OrderAsync(Host, stale);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Events.OrderBy(e => e.Sequence).Last().Action.ShouldBe(OrderAction.ExpirePayment);
        (await CardCheckout.OrderAsync(Host, fresh)).Status.ShouldBe(OrderStatus.AwaitingPayment);
        (await CardCheckout.QueryAsync(Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(8);
        ((string)Stripe.Session(CardCheckout.SessionId(stalePage))["status"]!).ShouldBe("expired");
        CardCheckout.Text(await Host.CreateClient().GetStringAsync($"/pedidos/{stale}")).ShouldContain("No se cobró nada a tu tarjeta");
        // Both groups get one message when the shop may see it, so once the resident has it the shop would have too.
        await residentLive.WaitForAsync(u => u.Code == stale && u.Status == OrderStatus.Cancelled);
        shopLive.Received.ShouldNotContain(u => u.Code == stale);
    }

    [Fact]
    public async Task RejectionRacingARedeliveredPaymentEvent_RefundsOnce()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        await CardCheckout.PressOnStripeAsync(stripePage, "pay");
        var paid = Stripe.Session(CardCheckout.SessionId(stripePage));

        // Stripe may deliver an event again under a new id; here five such deliveries race the shop's rejection.
        var reject = shopkeeper.PostAsync($"/api/pedidos/{code}/Reject", JsonContent(new JsonObject { ["reason"] = "Se acabó el producto" }));
        var redeliveries = Enumerable.Range(0, 5).Select(_ => Stripe.SendEventAsync("checkout.session.completed", paid)).ToList();
        (await reject).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.WhenAll(redeliveries);

        var order = await Eventually.Until(() => CardCheckout.OrderAsync(Host, code), o => o.RefundedAt is not null);
        order.Status.ShouldBe(OrderStatus.Rejected);
        Stripe.RefundsOf((string)paid["payment_intent"]!).Count.ShouldBe(1);
        ((long)Stripe.RefundsOf((string)paid["payment_intent"]!)[0]["amount"]!).ShouldBe(order.Total.Cents);
        order.Events.Count(e => e.Action == OrderAction.Refund).ShouldBe(1);
        var ledger = await CardCheckout.QueryAsync(Host, db => db.Ledger.Where(l => l.OrderId == order.Id).ToListAsync());
        ledger.Count(l => l.Kind == LedgerKind.Refund).ShouldBe(1);
        ledger.Count(l => l.Kind == LedgerKind.CardSale).ShouldBe(1);
        ledger.Sum(l => l.Amount.Cents).ShouldBe(0);
        Stripe.Requests.ShouldContain(r => r.Path == "/v1/refunds" && r.IdempotencyKey == $"refund-{order.Id:N}-0");
        Stripe.Requests.Where(r => r.Method == "POST" && (r.Path == "/v1/refunds" || r.Path == "/v1/checkout/sessions"))
            .ShouldAllBe(r => r.IdempotencyKey != null && (r.IdempotencyKey.StartsWith("refund-") || r.IdempotencyKey.StartsWith("checkout-")));
        var page = CardCheckout.Text(await Host.CreateClient().GetStringAsync($"/pedidos/{code}"));
        page.ShouldContain("Pago reembolsado");
        page.ShouldContain($"Te devolvimos {order.Total} a tu tarjeta");
    }

    [Fact]
    public async Task RefundRefusedByAStripeOutage_StaysOwedAndIsMadeOnceWhenTheSweepRetries()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        await CardCheckout.PressOnStripeAsync(stripePage, "pay");
        var intent = (string)Stripe.Session(CardCheckout.SessionId(stripePage))["payment_intent"]!;
        Stripe.RefundsDown = true;

        var rejected = await shopkeeper.PostAsync($"/api/pedidos/{code}/Reject", JsonContent(new JsonObject { ["reason"] = "Sin gas" }));

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Rejected);
        order.RefundOwed.ShouldBeTrue();
        Stripe.RefundsOf(intent).ShouldBeEmpty();

        Stripe.RefundsDown = false;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            // What the payments sweep runs at each tick.
            var retry = scope.ServiceProvider.GetRequiredService<RetryOwedRefundsHandler>();
            (await retry.HandleAsync(new RetryOwedRefunds(), default)).ShouldBe(1);
            (await retry.HandleAsync(new RetryOwedRefunds(), default)).ShouldBe(0);
        }

        Stripe.RefundsOf(intent).Count.ShouldBe(1);
        (await CardCheckout.OrderAsync(Host, code)).Events.Count(e => e.Action == OrderAction.Refund).ShouldBe(1);
    }

    [Fact]
    public async Task PaymentArrivingAfterTheResidentCancelled_IsRefundedAndNeverReachesTheShop()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        (await Host.CreateClient().PostAsync($"/api/pedidos/{code}/Cancel", JsonContent(new JsonObject { ["reason"] = "Lo compré en otro lado" })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await CardCheckout.PressOnStripeAsync(stripePage, "pay");

        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.PaidAt.ShouldNotBeNull();
        order.RefundedAt.ShouldNotBeNull();
        order.Events.Select(e => e.Action).ShouldBe([null, OrderAction.Cancel, OrderAction.Refund], ignoreOrder: true);
        Stripe.RefundsOf((string)Stripe.Session(CardCheckout.SessionId(stripePage))["payment_intent"]!).Count.ShouldBe(1);
        (await CardCheckout.QueryAsync(Host, db => db.Ledger.CountAsync(l => l.OrderId == order.Id))).ShouldBe(0);
        (await shopkeeper.GetStringAsync("/tienda/pedidos")).ShouldNotContain(code[..7]);
    }

    [Fact]
    public async Task ResidentCancellingAPaidOrder_IsRefunded()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        await CardCheckout.PressOnStripeAsync(stripePage, "pay");

        var cancel = await Host.CreateClient().PostAsync($"/api/pedidos/{code}/Cancel", JsonContent(new JsonObject { ["reason"] = "Me equivoqué" }));

        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.RefundedAt.ShouldNotBeNull();
        Stripe.RefundsOf((string)Stripe.Session(CardCheckout.SessionId(stripePage))["payment_intent"]!).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReplayedForgedAndStaleWebhooks_ChangeNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        Stripe.HoldWebhooks = true;
        await CardCheckout.PressOnStripeAsync(stripePage, "pay");
        var payload = StripeFake.EventPayload("checkout.session.completed", Stripe.Session(CardCheckout.SessionId(stripePage)));
        Stripe.HoldWebhooks = false;

        var forged = await Stripe.DeliverAsync(payload, StripeFake.Signature(payload, "whsec_someoneElse", DateTimeOffset.UtcNow));
        var stale = await Stripe.DeliverAsync(payload, StripeFake.Signature(payload, StripeFake.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var unsigned = await Stripe.DeliverAsync(payload, "");
        var tampered = await Stripe.DeliverAsync(payload.Replace("\"paid\"", "\"unpaid\"", StringComparison.Ordinal),
            StripeFake.Signature(payload, StripeFake.WebhookSecret, DateTimeOffset.UtcNow));

        new[] { forged, stale, unsigned, tampered }.ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        order.PaidAt.ShouldBeNull();
        (await CardCheckout.QueryAsync(Host, db => db.Ledger.CountAsync(l => l.OrderId == order.Id))).ShouldBe(0);

        var genuine = await Stripe.DeliverAsync(payload, StripeFake.Signature(payload, StripeFake.WebhookSecret, DateTimeOffset.UtcNow));
        var afterFirst = await CardCheckout.OrderAsync(Host, code);
        var replay = await Stripe.DeliverAsync(payload, StripeFake.Signature(payload, StripeFake.WebhookSecret, DateTimeOffset.UtcNow));

        genuine.ShouldBe(HttpStatusCode.OK);
        replay.ShouldBe(HttpStatusCode.OK);
        var afterReplay = await CardCheckout.OrderAsync(Host, code);
        afterFirst.Status.ShouldBe(OrderStatus.Placed);
        afterReplay.Version.ShouldBe(afterFirst.Version);
        afterReplay.PaidAt.ShouldBe(afterFirst.PaidAt);
        (await CardCheckout.QueryAsync(Host, db => db.Ledger.CountAsync(l => l.OrderId == order.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task EventsOutOfOrder_ALateDeclineDoesNotUndoThePayment()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);
        var stripePage = await CardCheckout.PressPayAsync(Host, code);
        Stripe.HoldWebhooks = true;
        await Stripe.DeclineAsync(CardCheckout.SessionId(stripePage), "expired_card");
        await Stripe.PayAsync(CardCheckout.SessionId(stripePage));

        await Stripe.ReleaseHeldAsync(reversed: true);

        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.Placed);
        var payment = await CardCheckout.QueryAsync(Host, db => db.CardPayments.AsNoTracking().SingleAsync(p => p.OrderId == order.Id));
        payment.State.ShouldBe(CardPaymentState.Paid);
        payment.FailureCode.ShouldBeNull();
    }

    [Fact]
    public async Task CheckoutForm_WithOneCardOrder_GoesStraightToStripesPage()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere, stock: 10);
        var cookies = new CookieContainer();
        cookies.Add(Host.BaseAddress, new Cookie("mc.cart", $"{product.Id}:2"));
        var client = Host.CreateClient(cookies, followRedirects: false);
        var form = await client.GetStringAsync("/checkout");
        form.ShouldContain("name=\"Shops[0].Payment\" value=\"Card\"");

        var response = await client.PostAsync("/checkout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Name"] = "Ana López",
            ["Phone"] = "7123 4567",
            ["Shops[0].ShopId"] = product.ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shops[0].Receive"] = "Pickup",
            ["Shops[0].Payment"] = "Card",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stripePage = response.Headers.Location!;
        stripePage.Authority.ShouldBe(Stripe.BaseAddress.Authority);
        var session = Stripe.Session(CardCheckout.SessionId(stripePage));
        var order = await CardCheckout.OrderAsync(Host, (string)session["client_reference_id"]!);
        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        ((long)session["amount_total"]!).ShouldBe(order.Total.Cents);
        using var browser = new HttpClient();
        (await browser.GetStringAsync(stripePage)).ShouldContain($"Total: <strong>{order.Total}</strong>");
    }

    [Theory]
    [InlineData(OrderAction.ConfirmPayment)]
    [InlineData(OrderAction.ExpirePayment)]
    [InlineData(OrderAction.PayOnDelivery)]
    [InlineData(OrderAction.Refund)]
    public async Task PaymentSteps_AreNoStepsOfTheOrdersApi_AndChangeNothing(OrderAction step)
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await CardCheckout.PlaceAsync(Host, product);

        var response = await shopkeeper.PostAsync($"/api/pedidos/{code}/{step}", JsonContent(new JsonObject { ["reason"] = "porque sí" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no es un paso de pedido");
        var order = await CardCheckout.OrderAsync(Host, code);
        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        order.Version.ShouldBe(1);
        order.PaidAt.ShouldBeNull();
    }

    [Fact]
    public async Task PayAndSwitchToCash_OnOrdersThatAreNotAwaitingACardPayment_AreRefusedAndChangeNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var cash = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        var paid = await CardCheckout.PlaceAsync(Host, product);
        await CardCheckout.PressOnStripeAsync(await CardCheckout.PressPayAsync(Host, paid), "pay");
        var sessionsBefore = Stripe.Requests.Count(r => r.Path == "/v1/checkout/sessions");

        (await CardCheckout.PressPayAsync(Host, cash)).ToString().ShouldBe($"/pedidos/{cash}");
        (await CardCheckout.PressPayAsync(Host, paid)).ToString().ShouldBe($"/pedidos/{paid}");
        (await CardCheckout.PressCashAsync(Host, paid)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var unknown = Host.CreateClient(new CookieContainer(), followRedirects: false);
        var token = MarketHost.AntiforgeryToken(await unknown.GetStringAsync($"/pedidos/{cash}"));
        var missing = await unknown.PostAsync("/pedidos/MC-NOSUCHORDER2345678/efectivo",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Stripe.Requests.Count(r => r.Path == "/v1/checkout/sessions").ShouldBe(sessionsBefore);
        var paidOrder = await CardCheckout.OrderAsync(Host, paid);
        paidOrder.Payment.ShouldBe(PaymentMethod.Card);
        paidOrder.Status.ShouldBe(OrderStatus.Placed);
        paidOrder.Version.ShouldBe(2);
        (await CardCheckout.OrderAsync(Host, cash)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task CheckoutForm_WithCardOrdersForTwoShops_OffersAPaymentButtonForEach()
    {
        var tere = await Checkout.StockedProductOfAsync(Host, Tere);
        var chepe = await Checkout.StockedProductOfAsync(Host, "chepe@demo.sv");
        var cookies = new CookieContainer();
        cookies.Add(Host.BaseAddress, new Cookie("mc.cart", $"{tere.Id}:1.{chepe.Id}:1"));
        var client = Host.CreateClient(cookies, followRedirects: true);
        var form = await client.GetStringAsync("/checkout");
        var shops = new[] { tere.ShopId, chepe.ShopId };

        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Name"] = "Ana López",
            ["Phone"] = "7123 4567",
        };
        for (var i = 0; i < shops.Length; i++)
        {
            var shopField = System.Text.RegularExpressions.Regex.Match(form, $"name=\"Shops\\[(\\d)\\].ShopId\" value=\"{shops[i]}\"").Groups[1].Value;
            fields[$"Shops[{shopField}].ShopId"] = shops[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Shops[{shopField}].Receive"] = "Pickup";
            fields[$"Shops[{shopField}].Payment"] = "Card";
        }
        var response = await client.PostAsync("/checkout", new FormUrlEncodedContent(fields));

        var page = CardCheckout.Text(await response.Content.ReadAsStringAsync());
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/pedidos/confirmados");
        page.ShouldContain("Pagar con tarjeta a Tienda Doña Tere");
        page.ShouldContain("Pagar con tarjeta a Frutas y Verduras Don Chepe");
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteCardPaymentTests(SqlitePayments fixture) : CardPaymentTests<SqlitePayments>(fixture);

public sealed class PostgresCardPaymentTests(PostgresPayments fixture) : CardPaymentTests<PostgresPayments>(fixture);
