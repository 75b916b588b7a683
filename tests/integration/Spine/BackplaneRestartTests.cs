using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Support;

namespace Market.Tests.Integration.Spine;

/// <summary>
/// A push published while a node's Redis backplane is away is lost, and a client that stayed connected sees no gap.
/// The node tells its clients to catch up once the backplane is back, and the catch-up brings what they missed.
/// </summary>
public sealed class BackplaneRestartTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private MarketHost host = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        host = await MarketHost.StartAsync(redis);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task RedisRestart_TellsConnectedClientsToCatchUp_AndTheCatchUpHasWhatWasPlacedMeanwhile()
    {
        var (_, cookies) = await host.SignInAsync("tere@demo.sv");
        await using var shop = await LiveClient.ConnectAsync(host, cookies);
        var backlog = await shop.FollowShopAsync();
        var mark = backlog.Count == 0 ? 0 : backlog.Max(u => u.EventId);

        redis.Stop();
        var product = await Checkout.StockedProductOfAsync(host, "tere@demo.sv");
        var code = (await Checkout.PlaceAsync(host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        await redis.StartAsync();

        (await Eventually.Until(() => Task.FromResult(shop.ResyncHints), hints => hints > 0, seconds: 20)).ShouldBeGreaterThan(0);
        var caughtUp = await shop.FollowShopAsync(mark);
        caughtUp.ShouldContain(u => u.Code == code && u.Status == OrderStatus.Placed);
    }
}
