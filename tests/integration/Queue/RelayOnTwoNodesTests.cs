using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Market.Tests.Integration.Queue;

/// <summary>
/// Every web node runs an outbox relay. On PostgreSQL two nodes relaying at once must not append one event twice:
/// a duplicate entry makes the workers handle it again and push it to the shop again.
/// </summary>
public sealed class RelayOnTwoNodesTests : IAsyncLifetime
{
    private const string Stream = "orders:relay-test";

    private RedisServer redis = null!;
    private readonly PostgresDatabase postgres = new();
    private MarketHost a = null!;
    private MarketHost b = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        var database = await postgres.StartAsync();
        var settings = new Dictionary<string, string?> { ["Fulfilment:RunWorker"] = "false", ["Fulfilment:Stream"] = Stream };
        a = await MarketHost.StartAsync(redis, database, settings);
        b = await MarketHost.StartAsync(redis, database, new Dictionary<string, string?>(settings) { ["Seed:DemoData"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
        await postgres.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task OrdersPlacedThroughTwoNodesAtOnce_AreEachAppendedToTheStreamOnce()
    {
        const int Orders = 60;
        var product = await Checkout.StockedProductOfAsync(a, "tere@demo.sv", stock: Orders);
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        await Task.WhenAll(Enumerable.Range(0, Orders).Select(i => Checkout.PlaceAsync((i % 2 == 0 ? a : b).CreateClient(), request)));

        (await Eventually.Until(() => Checkout.QueryAsync(a, db => db.Outbox.CountAsync(m => m.PublishedAt == null)), n => n == 0)).ShouldBe(0);
        var entries = await a.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StreamRangeAsync(Stream);
        var appended = entries.Select(e => $"{e["order"]}/{e["seq"]}").ToList();
        appended.Count.ShouldBe(Orders);
        appended.Distinct().Count().ShouldBe(Orders);
    }
}
