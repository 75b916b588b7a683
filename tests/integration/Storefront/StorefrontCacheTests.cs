using System.Net;
using Market.Core;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Storefront;

/// <summary>A host whose storefront keeps pages and answers for 5 s, so that a test sees both sides of the period.</summary>
public sealed class ShortStorefrontCache : IAsyncLifetime
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private RedisServer redis = null!;

    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?> { ["StorefrontCache:Duration"] = Period.ToString() });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await redis.DisposeAsync();
    }
}

/// <summary>Anonymous storefront pages are shared for a few seconds: never across what makes them differ, never with a signed-in user.</summary>
public sealed class StorefrontCacheTests(ShortStorefrontCache fixture) : IClassFixture<ShortStorefrontCache>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task PriceChangedUntold_ReachesAnonymousResidentsWithinThePeriod_AndTheProductPageAtOnce()
    {
        var url = $"/?colonia={await ColoniaAsync("Centro de Santa Tecla")}";
        var (productId, oldPrice) = await FirstProductAsync(url);
        var newPrice = oldPrice + Money.FromDollars(0.37m);
        // Straight to the database, as an operator's SQL would, or a node that saved while Redis was away: nobody is told.
        await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, newPrice)));

        var kept = await Host.CreateClient().GetStringAsync(url);
        var (signedIn, _) = await Host.SignInAsync("vecina@demo.sv");
        var signedInPage = await signedIn.GetStringAsync($"/productos/{productId}");
        var later = await Eventually.Until(() => Host.CreateClient().GetStringAsync(url), page => StorefrontHtml.PriceOf(page, productId) == newPrice.ToString(), seconds: 20);

        StorefrontHtml.PriceOf(kept, productId).ShouldBe(oldPrice.ToString(), "a neighbour within the period gets the page already made");
        signedInPage.ShouldContain(newPrice.ToString(), Case.Sensitive, "the product page always reads the catalog");
        StorefrontHtml.PriceOf(later, productId).ShouldBe(newPrice.ToString());
    }

    [Fact]
    public async Task PriceChangedOnThisNode_ShowsAtOnce_ToAnonymousResidentsToo()
    {
        var url = $"/?colonia={await ColoniaAsync("Centro de Santa Tecla")}&q=cafe";
        var (productId, oldPrice) = await FirstProductAsync(url);
        var newPrice = oldPrice + Money.FromDollars(0.41m);

        await Checkout.QueryAsync(Host, async db =>
        {
            (await db.Products.SingleAsync(p => p.Id == productId)).Price = newPrice;
            return await db.SaveChangesAsync();
        });
        var page = await Host.CreateClient().GetStringAsync(url);

        StorefrontHtml.PriceOf(page, productId).ShouldBe(newPrice.ToString());
    }

    [Fact]
    public async Task KeptPage_IsNotShared_AcrossLanguageCartSizeOrRememberedLocation()
    {
        var colonia = await ColoniaAsync("Centro de Soyapango");
        var url = $"/?colonia={colonia}";
        var product = StorefrontHtml.FirstProductId(await Host.CreateClient().GetStringAsync(url));

        var english = await ClientWith(".AspNetCore.Culture", "c=en|uic=en").GetStringAsync(url);
        var withCart = await ClientWith("mc.cart", $"{product}:3").GetStringAsync(url);
        var inSoyapango = await ClientWith("mc.ubicacion", await RememberedAsync("Centro de Soyapango")).GetStringAsync("/");
        var inSantaTecla = await ClientWith("mc.ubicacion", await RememberedAsync("Centro de Santa Tecla")).GetStringAsync("/");

        english.ShouldContain("Products from shops near you");
        StorefrontHtml.CartCount(english).ShouldBe("0");
        withCart.ShouldContain("Productos de tiendas cerca de ti");
        StorefrontHtml.CartCount(withCart).ShouldBe("3");
        inSoyapango.ShouldContain("Cerca de Centro de Soyapango");
        inSantaTecla.ShouldContain("Cerca de Centro de Santa Tecla");
    }

    [Fact]
    public async Task AddToCart_FromASharedPage_WorksForEachVisitor_AndAPostFromAnotherSiteIsRefused()
    {
        var url = $"/?colonia={await ColoniaAsync("Centro de Soyapango")}";
        await Host.CreateClient().GetStringAsync(url);
        var visitor = Host.CreateClient();
        var shared = await visitor.GetStringAsync(url);
        var product = StorefrontHtml.FirstProductId(shared).ToString(System.Globalization.CultureInfo.InvariantCulture);
        shared.ShouldNotContain("__RequestVerificationToken");

        var added = await PostAddAsync(visitor, product, ("Sec-Fetch-Site", "same-origin"));
        var crossSite = Host.CreateClient();
        var refused = await PostAddAsync(crossSite, product, ("Sec-Fetch-Site", "cross-site"));
        var foreignOrigin = Host.CreateClient();
        var refusedByOrigin = await PostAddAsync(foreignOrigin, product, ("Origin", "https://otro-sitio.example"));

        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = await added.Content.ReadAsStringAsync();
        back.ShouldContain("Agregado al carrito.");
        StorefrontHtml.CartCount(back).ShouldBe("1");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refusedByOrigin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await crossSite.GetStringAsync("/carrito")).ShouldContain("Tu carrito está vacío.");
        (await foreignOrigin.GetStringAsync("/carrito")).ShouldContain("Tu carrito está vacío.");
        var again = await (await PostAddAsync(visitor, product, ("Origin", Host.BaseAddress.GetLeftPart(UriPartial.Authority)))).Content.ReadAsStringAsync();
        again.ShouldContain("Agregado al carrito.");
        StorefrontHtml.CartCount(again).ShouldBe("2");
    }

    private HttpClient ClientWith(string cookie, string value)
    {
        var cookies = new CookieContainer();
        cookies.Add(Host.BaseAddress, new Cookie(cookie, Uri.EscapeDataString(value)));
        return Host.CreateClient(cookies);
    }

    private async Task<(int Id, Money Price)> FirstProductAsync(string url)
    {
        var id = StorefrontHtml.FirstProductId(await Host.CreateClient().GetStringAsync(url));
        return (id, await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == id).Select(p => p.Price).SingleAsync()));
    }

    private static Task<HttpResponseMessage> PostAddAsync(HttpClient client, string productId, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/carrito/agregar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = productId, ["quantity"] = "1", ["returnUrl"] = "/" }),
        };
        request.Headers.Add(header.Name, header.Value);
        return client.SendAsync(request);
    }

    private Task<int> ColoniaAsync(string name) =>
        Checkout.QueryAsync(Host, db => db.Neighbourhoods.Where(n => n.Name == name).Select(n => n.Id).SingleAsync());

    /// <summary>The cookie value /ubicacion writes when the resident ticks "recordar" (LocationCookie).</summary>
    private async Task<string> RememberedAsync(string colonia)
    {
        var place = await Checkout.QueryAsync(Host, db => db.Neighbourhoods.SingleAsync(n => n.Name == colonia));
        return FormattableString.Invariant($"{place.Latitude}|{place.Longitude}|{place.Id}|{place.Name}");
    }
}
