using System.Net;
using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Operations;

/// <summary>A limit belongs to the endpoints that name its policy: not to a path, and never to an endpoint without one.</summary>
public sealed class RateLimitPolicyTests(TwoNodesWithLowLimits nodes) : IClassFixture<TwoNodesWithLowLimits>
{
    [Fact]
    public void TheLimitedEndpoints_AreTheOnesThatNameAPolicy()
    {
        var limited = nodes.A.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)} /{e.RoutePattern.RawText!.TrimStart('/')} "
                + e.Metadata.GetMetadata<EnableRateLimitingAttribute>()!.PolicyName)
            .Order(StringComparer.Ordinal);

        limited.ShouldBe([
            "POST /api/pedidos checkout",
            "POST /checkout checkout",
            "POST /cuenta/codigo sign-up",
            "POST /cuenta/ingresar sign-in",
            "POST /cuenta/ingresar/codigo sign-in",
            "POST /cuenta/registro sign-up",
            "POST /cuenta/seguridad/contrasena sign-in",
            "POST /mi-tienda/registrar sign-up",
        ]);
    }

    [Fact]
    public async Task OverTheCheckoutLimit_OnlyPlacingAnOrderIsRefused_NotTheSamePathWithGet_NorAnEndpointWithoutAPolicy()
    {
        var product = await Checkout.StockedProductOfAsync(nodes.A, "tere@demo.sv");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));
        var client = nodes.B.CreateClient(followRedirects: false);
        var placed = new List<string>();
        for (var i = 0; i < TwoNodesWithLowLimits.Checkout; i++)
        {
            placed.Add((await Checkout.PlaceAsync(nodes.A.CreateClient(), request)).Orders.Single().Code);
        }

        var refused = await Checkout.PostAsync(client, request);
        var checkoutPage = await client.GetAsync("/checkout");
        var ordersWithGet = await client.GetAsync("/api/pedidos");
        var cancelled = await client.PostAsync($"/api/pedidos/{placed[0]}/Cancel",
            new StringContent("""{"reason":"Ya no lo necesito"}""", System.Text.Encoding.UTF8, "application/json"));
        var read = await client.GetAsync($"/api/pedidos/{placed[0]}");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        checkoutPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ordersWithGet.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Checkout.QueryAsync(nodes.A, db => db.Orders.CountAsync(o => placed.Contains(o.Code)))).ShouldBe(placed.Count);
    }
}

/// <summary>Counting needs Redis; while Redis is away the limit lets everyone through rather than stop checkout.</summary>
public sealed class RateLimitWithoutRedisTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private MarketHost host = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Checkout"] = "1",
            ["RateLimits:Window"] = "01:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task CheckoutsWhileRedisIsAway_AllGoThrough_AndTheLimitHoldsAgainWhenItIsBack()
    {
        var product = await Checkout.StockedProductOfAsync(host, "tere@demo.sv");
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        redis.Stop();
        var whileAway = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            whileAway.Add((await Checkout.PostAsync(host.CreateClient(), request)).StatusCode);
        }
        await redis.StartAsync();
        var refused = await Eventually.Until(() => Checkout.PostAsync(host.CreateClient(), request), r => r.StatusCode == HttpStatusCode.TooManyRequests);

        whileAway.ShouldAllBe(s => s == HttpStatusCode.Created);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }
}
