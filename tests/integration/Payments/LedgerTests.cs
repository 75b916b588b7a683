using System.Net;
using System.Text;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Payments;

/// <summary>The shop's ledger against the orders behind it, the shopkeeper's account page and the staff settlement export.</summary>
public sealed class LedgerTests(SqlitePayments fixture) : IClassFixture<SqlitePayments>
{
    private const string Chepe = "chepe@demo.sv";
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task LedgerTotals_EqualTheSumOfTheOrdersBehindThem_OnThePageAndInTheExport()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Chepe);
        var product = await Checkout.StockedProductOfAsync(Host, Chepe, stock: 100);
        var paid = new[] { await PaidCardOrderAsync(product, 1), await PaidCardOrderAsync(product, 3), await PaidCardOrderAsync(product, 2) };
        await AdvanceAsync(shopkeeper, paid[2], (OrderAction.Reject, "Cerramos temprano"));
        var cashDone = await CashOrderAsync(product, 2);
        await AdvanceAsync(shopkeeper, cashDone, (OrderAction.Accept, null), (OrderAction.StartPreparing, null), (OrderAction.MarkReady, null), (OrderAction.HandOver, null));
        await CashOrderAsync(product, 1);
        await CardCheckout.PlaceAsync(Host, product, 4);
        (await Eventually.Until(() => CardCheckout.OrderAsync(Host, paid[2]), o => o.RefundedAt is not null)).Status.ShouldBe(OrderStatus.Rejected);

        var shopId = product.ShopId;
        var orders = await CardCheckout.QueryAsync(Host, db => db.Orders.AsNoTracking().Include(o => o.Events).Where(o => o.ShopId == shopId).ToListAsync());
        var ledger = await CardCheckout.QueryAsync(Host, db => db.Ledger.AsNoTracking().Where(l => l.ShopId == shopId).ToListAsync());
        long Sum(LedgerKind kind) => ledger.Where(l => l.Kind == kind).Sum(l => l.Amount.Cents);
        static long CommissionOf(Order o) => (long)Math.Round(o.Total.Cents * PaymentsFixture.CommissionPercent / 100m, MidpointRounding.AwayFromZero);
        var cardPaid = orders.Where(o => o.Payment == PaymentMethod.Card && o.Events.Any(e => e.Action == OrderAction.ConfirmPayment)).ToList();
        var refunded = orders.Where(o => o.RefundedAt is not null).ToList();
        var cashCollected = orders.Where(o => o.Payment == PaymentMethod.CashOnDelivery && o.Status is OrderStatus.Delivered or OrderStatus.PickedUp).ToList();

        cardPaid.Count.ShouldBe(3);
        refunded.Count.ShouldBe(1);
        Sum(LedgerKind.CardSale).ShouldBe(cardPaid.Sum(o => o.Total.Cents));
        Sum(LedgerKind.Refund).ShouldBe(-refunded.Sum(o => o.Total.Cents));
        Sum(LedgerKind.CashSale).ShouldBe(cashCollected.Sum(o => o.Total.Cents));
        Sum(LedgerKind.Commission).ShouldBe(-cardPaid.Concat(cashCollected).Sum(CommissionOf));
        Sum(LedgerKind.CommissionRefund).ShouldBe(refunded.Sum(CommissionOf));
        var balance = new Money(cardPaid.Sum(o => o.Total.Cents) - refunded.Sum(o => o.Total.Cents)
            - cardPaid.Except(refunded).Concat(cashCollected).Sum(CommissionOf));
        ledger.Where(l => l.CountsInBalance).Sum(l => l.Amount.Cents).ShouldBe(balance.Cents);
        ledger.Select(l => l.OrderId).Distinct().Count().ShouldBe(4);

        var account = CardCheckout.Text(await shopkeeper.GetStringAsync("/tienda/cuenta"));
        account.ShouldContain($"Saldo a tu favor: {balance}");
        account.ShouldContain($"Ventas en efectivo (cobradas por ti) {new Money(Sum(LedgerKind.CashSale))}");

        var (staff, _) = await Host.SignInAsync("amss@demo.sv");
        var today = DateTime.UtcNow.AddHours(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = await staff.GetAsync($"/admin/liquidaciones/csv?tienda={shopId}&desde={today}&hasta={today}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("liquidacion-frutas-y-verduras-don-chepe-");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.Preamble.ToArray());
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        rows[0].ShouldBe(SettlementCsv.Columns);
        var lines = rows[1..^1];
        lines.Count.ShouldBe(ledger.Count);
        lines.Where(r => r[4] == "si").Sum(r => decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(balance.Dollars);
        rows[^1][2].ShouldBe("saldo a pagar a la tienda");
        rows[^1][3].ShouldBe(balance.ToPlainString());
    }

    [Fact]
    public async Task AccountPage_ShowsOnlyTheShopkeepersOwnShop()
    {
        var (tere, _) = await Host.SignInAsync(Tere);
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var code = await PaidCardOrderAsync(product, 1);
        var (chepe, _) = await Host.SignInAsync(Chepe);

        (await tere.GetStringAsync("/tienda/cuenta")).ShouldContain(code[..7]);
        var other = await chepe.GetStringAsync("/tienda/cuenta");
        other.ShouldNotContain(code[..7]);
        other.ShouldNotContain("Tienda Doña Tere");
    }

    [Theory]
    [InlineData("chepe@demo.sv")]
    [InlineData("alcaldia.ss@demo.sv")]
    [InlineData("vecina@demo.sv")]
    public async Task SettlementExport_IsRefusedToAnyoneButMetropolitanStaff(string login)
    {
        var (client, _) = await Host.SignInAsync(login);

        var response = await client.GetAsync("/admin/liquidaciones/csv?tienda=1&desde=2026-11-01&hasta=2026-11-30");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        (await client.GetAsync("/admin/liquidaciones")).Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
    }

    [Fact]
    public async Task SettlementExport_WithABadPeriod_SaysSoAndKeepsWhatWasChosen()
    {
        var (staff, _) = await Host.SignInAsync("amss@demo.sv");

        var response = await staff.GetAsync("/admin/liquidaciones/csv?tienda=1&desde=2026-11-30&hasta=2026-11-01");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        CardCheckout.Text(html).ShouldContain("Indica un período válido");
        html.ShouldContain("value=\"2026-11-30\"");
        html.ShouldContain("<option value=\"1\" selected=\"selected\">");
    }

    private async Task<string> PaidCardOrderAsync(Product product, int quantity)
    {
        var code = await CardCheckout.PlaceAsync(Host, product, quantity);
        await CardCheckout.PressOnStripeAsync(await CardCheckout.PressPayAsync(Host, code), "pay");
        return code;
    }

    private async Task<string> CashOrderAsync(Product product, int quantity) =>
        (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, quantity)))).Orders.Single().Code;

    private static async Task AdvanceAsync(HttpClient shopkeeper, string code, params (OrderAction Action, string? Reason)[] steps)
    {
        foreach (var (action, reason) in steps)
        {
            var body = new StringContent(reason is null ? "{}" : $$"""{"reason":"{{reason}}"}""", Encoding.UTF8, "application/json");
            (await shopkeeper.PostAsync($"/api/pedidos/{code}/{action}", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

/// <summary>Without Stripe keys the card option is not offered and cannot be forced; cash works as before.</summary>
public sealed class CardHiddenWithoutKeysTests(Spine.SqliteSpine fixture) : IClassFixture<Spine.SqliteSpine>
{
    [Fact]
    public async Task Checkout_WithoutStripeKeys_OffersCashOnlyAndRefusesACardOrder()
    {
        var product = await Checkout.StockedProductOfAsync(fixture.Host, Tere, stock: 10);
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        var card = await Checkout.PostAsync(fixture.Host.CreateClient(), request with { Shops = [.. request.Shops!.Select(s => s with { Payment = PaymentMethod.Card })] });

        card.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await card.Content.ReadAsStringAsync()).ShouldContain("El pago con tarjeta no está disponible");
        (await Checkout.QueryAsync(fixture.Host, db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(10);
        var cookies = new System.Net.CookieContainer();
        cookies.Add(fixture.Host.BaseAddress, new Cookie("mc.cart", $"{product.Id}:1"));
        var client = fixture.Host.CreateClient(cookies);
        var page = await client.GetStringAsync("/checkout");
        page.ShouldNotContain("Shops[0].Payment");
        (await Checkout.PlaceAsync(client, request)).Orders.Single().Status.ShouldBe(OrderStatus.Placed);
    }

    private const string Tere = "tere@demo.sv";
}
