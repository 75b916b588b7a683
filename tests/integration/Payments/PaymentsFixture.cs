using System.Net;
using System.Text.RegularExpressions;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Payments;

/// <summary>The real app with card payments on, its real Stripe.net client pointed at the Stripe fake, and Redis.</summary>
public abstract class PaymentsFixture(ITestDatabase database) : IAsyncLifetime
{
    public const decimal CommissionPercent = 5m;

    public RedisServer Redis { get; private set; } = null!;
    public StripeFake Stripe { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Stripe = await StripeFake.StartAsync();
        var settings = Stripe.AppSettings;
        settings["Payments:CommissionPercent"] = CommissionPercent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host = await MarketHost.StartAsync(Redis, await database.StartAsync(), settings);
        Stripe.WebhookUrl = new Uri(Host.BaseAddress, "/pagos/stripe/webhook");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
        await Redis.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed class SqlitePayments() : PaymentsFixture(new SqliteDatabase());

public sealed class PostgresPayments() : PaymentsFixture(new PostgresDatabase());

/// <summary>What a resident paying by card does, through the same pages and buttons.</summary>
public static partial class CardCheckout
{
    public static async Task<string> PlaceAsync(MarketHost host, Product product, int quantity = 1, Fulfilment fulfilment = Fulfilment.Pickup)
    {
        var request = Checkout.Request(fulfilment, (product.ShopId, product.Id, quantity));
        request = request with { Shops = [.. request.Shops!.Select(s => s with { Payment = PaymentMethod.Card })] };
        return (await Checkout.PlaceAsync(host.CreateClient(), request)).Orders.Single().Code;
    }

    /// <summary>Presses "Pagar con tarjeta" on the tracking page; returns where the app sends the browser (Stripe's page).</summary>
    public static async Task<Uri> PressPayAsync(MarketHost host, string code, HttpClient? resident = null) =>
        await PressAsync(resident ?? host.CreateClient(new CookieContainer(), followRedirects: false), code, "pagar");

    public static async Task<HttpResponseMessage> PressCashAsync(MarketHost host, string code)
    {
        var client = host.CreateClient(new CookieContainer(), followRedirects: false);
        var page = await client.GetStringAsync($"/pedidos/{code}");
        return await client.PostAsync($"/pedidos/{code}/efectivo", Form(page));
    }

    /// <summary>Presses a button of the fake's hosted page ("pay" or "decline"); returns where it sends the browser back.</summary>
    public static async Task<Uri> PressOnStripeAsync(Uri sessionUrl, string button)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await client.PostAsync(sessionUrl + "/" + button, null);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!;
    }

    public static string SessionId(Uri sessionUrl) => sessionUrl.Segments[^1];

    public static Task<Order> OrderAsync(MarketHost host, string code) =>
        Checkout.QueryAsync(host, db => db.Orders.AsNoTracking().Include(o => o.Events).SingleAsync(o => o.Code == code));

    public static Task<T> QueryAsync<T>(MarketHost host, Func<MarketDbContext, Task<T>> query) => Checkout.QueryAsync(host, query);

    private static async Task<Uri> PressAsync(HttpClient client, string code, string action)
    {
        var page = await client.GetStringAsync($"/pedidos/{code}");
        var response = await client.PostAsync($"/pedidos/{code}/{action}", Form(page));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    private static FormUrlEncodedContent Form(string page) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(page) });

    public static string Text(string html) => WhiteSpace().Replace(System.Net.WebUtility.HtmlDecode(TagPattern().Replace(html, " ")), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
