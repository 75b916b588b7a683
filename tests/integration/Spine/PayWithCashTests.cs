using System.Net;
using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Spine;

/// <summary>"Pago con $X" at checkout: the resident's tracking page and the shop's inbox both show the note and the change to bring.</summary>
public sealed partial class PayWithCashTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task CashOrder_PayingWithTwentyDollars_ShowsTheNoteAndTheChange_OnTheTrackingPageAndInTheInbox()
    {
        var shop = await OnboardingForms.ShopOfAsync(Host, Tere);
        var product = await Checkout.QueryAsync(Host, async db =>
        {
            var coffee = new Product
            {
                ShopId = shop.Id,
                CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                Name = "Café molido de altura",
                Unit = "bolsa",
                Price = Money.FromDollars(3.40m),
                Stock = 10,
            };
            db.Products.Add(coffee);
            await db.SaveChangesAsync();
            return coffee.Id;
        });
        var resident = Host.CreateClient(followRedirects: false);
        await AddToCartAsync(resident, product, quantity: 2);

        var code = await CheckoutAsync(resident, shop.Id, payWith: "20.00");

        (await Checkout.QueryAsync(Host, db => db.Orders.Where(o => o.Code == code).Select(o => o.CashTendered).SingleAsync())).ShouldBe(Money.FromDollars(20));
        var tracking = await resident.GetStringAsync($"/pedidos/{code}");
        tracking.ShouldContain("<p>Pago en efectivo al retirar · pagas con $20.00, cambio $13.20</p>");
        var (tere, _) = await Host.SignInAsync(Tere);
        var inbox = await tere.GetStringAsync("/tienda/pedidos");
        var card = Regex.Match(inbox, $"<article class=\"card order\" id=\"pedido-{code}\".*?</article>", RegexOptions.Singleline).Value;
        card.ShouldContain("<strong>Total: $6.80</strong> · pagas con $20.00, cambio $13.20</p>");
    }

    private static async Task AddToCartAsync(HttpClient resident, int productId, int quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/carrito/agregar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["productId"] = productId.ToString(),
                ["quantity"] = quantity.ToString(),
                ["returnUrl"] = "/carrito",
            }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        (await resident.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Fills in the checkout form as the resident would: pickup, and the note of what they will pay with.</summary>
    private static async Task<string> CheckoutAsync(HttpClient resident, int shopId, string payWith)
    {
        var form = await resident.GetStringAsync("/checkout");
        var response = await resident.PostAsync("/checkout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
            ["IdempotencyKey"] = IdempotencyKey().Match(form).Groups[1].Value,
            ["Name"] = "Ana López",
            ["Phone"] = "+503 7123 4567",
            ["Shops[0].ShopId"] = shopId.ToString(),
            ["Shops[0].Receive"] = nameof(Fulfilment.Pickup),
            ["Shops[0].PayWith"] = payWith,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var confirmed = response.Headers.Location!.OriginalString;
        confirmed.ShouldStartWith("/pedidos/confirmados?codigos=");
        return confirmed["/pedidos/confirmados?codigos=".Length..];
    }

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex IdempotencyKey();
}
