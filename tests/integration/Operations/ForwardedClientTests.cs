using System.Net;
using Market.Tests.Support;

namespace Market.Tests.Integration.Operations;

/// <summary>Two nodes behind a reverse proxy that the app is told to trust (ASPNETCORE_FORWARDEDHEADERS_ENABLED).</summary>
public sealed class TwoNodesBehindAProxy : TwoNodes
{
    public const int SignIn = 2;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["RateLimits:SignIn"] = SignIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Window"] = "01:00:00",
    };
}

/// <summary>Behind the proxy every request comes from the proxy's address: the limit must count the client it forwards.</summary>
public sealed class ForwardedClientTests(TwoNodesBehindAProxy nodes) : IClassFixture<TwoNodesBehindAProxy>
{
    [Fact]
    public async Task SignInLimit_BehindAProxy_CountsEachForwardedClientApart()
    {
        for (var i = 0; i < TwoNodesBehindAProxy.SignIn; i++)
        {
            (await WrongPassword.PostAsync(i % 2 == 0 ? nodes.A : nodes.B, "203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await WrongPassword.PostAsync(nodes.B, "203.0.113.7")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var neighbour = await WrongPassword.PostAsync(nodes.A, "203.0.113.8");
        neighbour.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await neighbour.Content.ReadAsStringAsync()).ShouldContain("no coinciden");
    }
}

/// <summary>Without a trusted proxy, a client cannot escape the limit by inventing X-Forwarded-For addresses.</summary>
public sealed class UntrustedForwardedForTests(TwoNodesWithLowLimits nodes) : IClassFixture<TwoNodesWithLowLimits>
{
    [Fact]
    public async Task SignInLimit_WithoutATrustedProxy_IgnoresXForwardedFor()
    {
        for (var i = 0; i < TwoNodesWithLowLimits.SignIn; i++)
        {
            (await WrongPassword.PostAsync(nodes.A, $"198.51.100.{i + 1}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await WrongPassword.PostAsync(nodes.B, "198.51.100.99")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

internal static class WrongPassword
{
    public static async Task<HttpResponseMessage> PostAsync(MarketHost node, string forwardedFor)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var form = await client.GetStringAsync("/cuenta/ingresar");
        return await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "nadie@demo.sv",
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
        }));
    }
}
