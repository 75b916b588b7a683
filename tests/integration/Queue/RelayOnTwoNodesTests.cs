using Market.Core.Catalog;
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

    private TwoNodes nodes = null!;

    public async Task InitializeAsync() =>
        nodes = await TwoNodes.StartAsync(new Dictionary<string, string?> { ["Fulfilment:RunWorker"] = "false", ["Fulfilment:Stream"] = Stream });

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task OrdersPlacedThroughTwoNodesAtOnce_AreEachAppendedToTheStreamOnce()
    {
        const int Orders = 60;
        var product = await Checkout.StockedProductOfAsync(nodes.A, "tere@demo.sv", stock: Orders);
        var request = Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1));

        await Task.WhenAll(Enumerable.Range(0, Orders).Select(i => Checkout.PlaceAsync((i % 2 == 0 ? nodes.A : nodes.B).CreateClient(), request)));

        (await Eventually.Until(() => Checkout.QueryAsync(nodes.A, db => db.Outbox.CountAsync(m => m.PublishedAt == null)), n => n == 0)).ShouldBe(0);
        var entries = await nodes.A.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StreamRangeAsync(Stream);
        var appended = entries.Select(e => $"{e["order"]}/{e["seq"]}").ToList();
        appended.Count.ShouldBe(Orders);
        appended.Distinct().Count().ShouldBe(Orders);
    }
}
