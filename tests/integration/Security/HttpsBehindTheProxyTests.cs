using System.Net;
using System.Text.RegularExpressions;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Security;

/// <summary>The proxy says the client came over HTTPS: HSTS, and every cookie the app sets is Secure; over plain http, neither.</summary>
public sealed partial class HttpsBehindTheProxyTests(BehindTheProxy fixture) : IClassFixture<BehindTheProxy>
{
    /// <summary>What nginx sends on: the public host name, and the scheme the client used.</summary>
    private const string PublicHost = "mercadocercano.example";

    private static readonly string[] EveryCookie =
        ["mc.auth", ".AspNetCore.Antiforgery", "mc.cart", "mc.ubicacion", ".AspNetCore.Culture", ".AspNetCore.Mvc.CookieTempDataProvider"];

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task ForwardedHttps_EveryResponseHasHsts_AndEveryCookieIsSecure()
    {
        var browser = new Browser(NewClient(), "https");

        await browser.VisitAsAResidentWhoSetsEveryCookieAsync(Host);
        await browser.GetAsync("/css/site.css");
        await browser.GetAsync("/api/productos?tienda=1");

        browser.Responses.ShouldAllBe(r => Hsts(r) == "max-age=31536000; includeSubDomains");
        browser.SetCookies.ShouldNotBeEmpty();
        browser.SetCookies.Where(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        EveryCookie.ShouldAllBe(name => browser.SetCookies.Any(c => c.StartsWith(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PlainHttp_NoHsts_AndTheCookiesStillWork()
    {
        var browser = new Browser(NewClient(), scheme: null);

        await browser.VisitAsAResidentWhoSetsEveryCookieAsync(Host);

        browser.Responses.ShouldAllBe(r => Hsts(r) == null);
        browser.SetCookies.Where(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        EveryCookie.ShouldAllBe(name => browser.SetCookies.Any(c => c.StartsWith(name, StringComparison.Ordinal)));
    }

    private static string? Hsts(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(" | ", values) : null;

    /// <summary>Cookies are left to <see cref="Browser"/>: a cookie container would not send Secure cookies over http to the test port.</summary>
    private HttpClient NewClient() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    /// <summary>Requests as they arrive from nginx (Host, X-Forwarded-For and -Proto), with the cookies kept by hand.</summary>
    private sealed partial class Browser(HttpClient client, string? scheme)
    {
        private readonly Dictionary<string, string> jar = [];

        public List<HttpResponseMessage> Responses { get; } = [];
        public List<string> SetCookies { get; } = [];

        public async Task VisitAsAResidentWhoSetsEveryCookieAsync(MarketHost host)
        {
            var signIn = await (await GetAsync("/cuenta/ingresar")).Content.ReadAsStringAsync();
            (await PostAsync("/cuenta/ingresar", new()
            {
                ["Login"] = "vecina@demo.sv",
                ["Password"] = MarketHost.Password,
                ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(signIn),
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in through the cookies kept");

            (await GetAsync("/idioma?cultura=en&volver=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var product = await Checkout.StockedProductOfAsync(host, "tere@demo.sv");
            (await PostAsync("/carrito/agregar", new() { ["productId"] = product.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await GetAsync("/carrito")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var neighbourhood = await Checkout.QueryAsync(host, db => db.Neighbourhoods.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync());
            var location = await (await GetAsync("/ubicacion")).Content.ReadAsStringAsync();
            (await PostAsync("/ubicacion", new()
            {
                ["colonia"] = neighbourhood.ToString(),
                ["recordar"] = "true",
                ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(location),
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        private Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            request.Headers.Host = PublicHost;
            request.Headers.Add("X-Forwarded-For", "203.0.113.20");
            if (scheme is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", scheme);
            }
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await client.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                SetCookies.Add(cookie);
                var pair = NameAndValue().Match(cookie);
                jar[pair.Groups[1].Value] = pair.Groups[2].Value;
            }
            Responses.Add(response);
            return response;
        }

        [GeneratedRegex("^([^=]+)=([^;]*)")]
        private static partial Regex NameAndValue();
    }
}
