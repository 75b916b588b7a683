using System.Net;
using Market.Tests.Support;

namespace Market.Tests.Integration.Operations;

/// <summary>Both nodes read one data-protection key ring in Redis, so switching node never signs anyone out.</summary>
public sealed class SharedSignInTests(TwoNodesWithDefaults nodes) : IClassFixture<TwoNodesWithDefaults>
{
    [Fact]
    public async Task SignInCookieFromNodeA_IsAcceptedByNodeB()
    {
        var (_, cookies) = await nodes.A.SignInAsync("vecina@demo.sv");

        var onB = await nodes.B.CreateClient(cookies, followRedirects: false).GetAsync("/mis-pedidos");

        onB.StatusCode.ShouldBe(HttpStatusCode.OK);
        var anonymous = await nodes.B.CreateClient(followRedirects: false).GetAsync("/mis-pedidos");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignInFormServedByNodeA_IsAcceptedWhenPostedToNodeB()
    {
        var cookies = new CookieContainer();
        var form = await nodes.A.CreateClient(cookies).GetStringAsync("/cuenta/ingresar");

        var response = await nodes.B.CreateClient(cookies, followRedirects: false).PostAsync("/cuenta/ingresar",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = "vecina@demo.sv",
                ["Password"] = MarketHost.Password,
                ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
            }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
