using System.Net;
using System.Text;
using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Api;

/// <summary>
/// A page on another site can make the shopkeeper's browser post to the API with the shop's cookie; the API must not
/// act on it. Only the cookie's SameSite stood in the way before.
/// </summary>
public sealed class SameOriginJsonTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task AFormOrAnEmptyPost_WithTheShopkeepersCookie_IsRefusedAs415_AndTheOrderStays()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var code = await PlaceAsync();

        var form = await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }));
        var empty = await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", null);
        var text = await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", new StringContent("{}", Encoding.UTF8, "text/plain"));

        foreach (var refused in new[] { form, empty, text })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
            refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Content-Type: application/json");
        (await VersionAsync(code)).ShouldBe(1);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://tienda-falsa.example")]
    [InlineData("Origin", "null")]
    public async Task JsonFromAnotherSite_IsRefusedAs403_AndTheOrderStays(string header, string value)
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var code = await PlaceAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pedidos/{code}/Accept") { Content = Checkout.NoReason };
        request.Headers.Add(header, value);

        var response = await shopkeeper.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Esta llamada no se acepta desde otro sitio.");
        (await VersionAsync(code)).ShouldBe(1);
    }

    [Fact]
    public async Task JsonFromTheSiteItself_OrFromAScript_MovesTheOrder_AndReadsAreNotChecked()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var code = await PlaceAsync();
        var fromThePage = new HttpRequestMessage(HttpMethod.Post, $"/api/pedidos/{code}/Accept") { Content = Checkout.NoReason };
        fromThePage.Headers.Add("Sec-Fetch-Site", "same-origin");
        fromThePage.Headers.Add("Origin", Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        var read = new HttpRequestMessage(HttpMethod.Get, $"/api/pedidos/{code}");
        read.Headers.Add("Origin", "https://tienda-falsa.example");

        (await shopkeeper.SendAsync(fromThePage)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shopkeeper.PostAsync($"/api/pedidos/{code}/StartPreparing", Checkout.NoReason)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shopkeeper.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await VersionAsync(code)).ShouldBe(3);
    }

    private async Task<string> PlaceAsync()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        return (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
    }

    private Task<int> VersionAsync(string code) =>
        Checkout.QueryAsync(Host, db => db.Orders.Where(o => o.Code == code).Select(o => o.Version).SingleAsync());
}
