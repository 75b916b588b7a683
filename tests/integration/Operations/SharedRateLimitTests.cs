using System.Net;
using Market.Core.Catalog;
using Market.Tests.Support;

namespace Market.Tests.Integration.Operations;

/// <summary>The limits are counted in Redis per client IP, so spreading requests over nodes does not get around them.</summary>
public sealed class SharedRateLimitTests(TwoNodesWithLowLimits nodes) : IClassFixture<TwoNodesWithLowLimits>
{
    private const string Message = "Demasiados intentos. Espera un momento y vuelve a intentar.";

    [Fact]
    public async Task CheckoutsOverTheLimit_SpreadOverTwoNodes_AreRefusedWithRetryAfter()
    {
        var product = await Checkout.StockedProductOfAsync(nodes.A, "tere@demo.sv");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));
        for (var i = 0; i < TwoNodesWithLowLimits.Checkout; i++)
        {
            (await Checkout.PostAsync(nodes.A.CreateClient(), request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var refused = await Checkout.PostAsync(nodes.B.CreateClient(), request);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        (await refused.Content.ReadAsStringAsync()).ShouldContain(Message);
        (await nodes.B.CreateClient().GetAsync("/api/productos?tienda=" + product.ShopId)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInsOverTheLimit_SpreadOverTwoNodes_ShowTheSpanishPage()
    {
        for (var i = 0; i < TwoNodesWithLowLimits.SignIn; i++)
        {
            (await (await WrongPasswordAsync(nodes.A)).Content.ReadAsStringAsync()).ShouldContain("no coinciden");
        }

        var refused = await WrongPasswordAsync(nodes.B);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain(Message);
    }

    private static async Task<HttpResponseMessage> WrongPasswordAsync(MarketHost node)
    {
        var client = node.CreateClient();
        var form = await client.GetStringAsync("/cuenta/ingresar");
        return await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "nadie@demo.sv",
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
        }));
    }
}
