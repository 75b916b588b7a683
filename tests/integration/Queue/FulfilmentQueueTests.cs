using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Orders.Queue;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Tests.Integration.Queue;

/// <summary>
/// The fulfilment stream under failure. The host runs no worker of its own here: each test plays the workers by hand,
/// so it can stop one between reading an entry and acknowledging it, as a crash would.
/// </summary>
public sealed class FulfilmentQueueTests : IAsyncLifetime
{
    private const string Tere = "tere@demo.sv";

    private RedisServer redis = null!;
    private MarketHost host = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?>
        {
            ["Fulfilment:RunWorker"] = "false",
            ["Fulfilment:ClaimIdleTime"] = "00:00:00.300",
            ["Fulfilment:MaxDeliveries"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await redis.DisposeAsync();
    }

    private FulfilmentOptions Options => host.Services.GetRequiredService<IOptions<FulfilmentOptions>>().Value;
    private IDatabase Stream => host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private FulfilmentConsumer Worker(string name) => ActivatorUtilities.CreateInstance<FulfilmentConsumer>(host.Services, name);

    [Fact]
    public async Task EntryOfAWorkerThatDiedBeforeAcknowledging_IsTakenOverAndHandledExactlyOnce()
    {
        var (_, cookies) = await host.SignInAsync(Tere);
        await using var shop = await LiveClient.ConnectAsync(host, cookies);
        await shop.FollowShopAsync(long.MaxValue);
        var code = await PlaceOrderAsync();
        var dying = Worker("dying");
        await dying.EnsureGroupAsync();
        var read = await ReadUntilAsync(dying);

        (await Stream.StreamPendingAsync(Options.Stream, Options.Group)).PendingMessageCount.ShouldBe(1);
        (await HandledAsync(code)).ShouldBeEmpty();

        await Task.Delay(Options.ClaimIdleTime * 2);
        var survivor = Worker("survivor");
        var claimed = await survivor.ClaimStaleAsync();
        claimed.Select(e => e.Id).ShouldBe([read.Id]);
        (await survivor.HandleAsync(claimed[0], default)).ShouldBe(HandlingOutcome.Handled);
        (await dying.HandleAsync(read, default)).ShouldBe(HandlingOutcome.AlreadyHandled);

        (await HandledAsync(code)).ShouldBe(["survivor"]);
        (await Stream.StreamPendingAsync(Options.Stream, Options.Group)).PendingMessageCount.ShouldBe(0);
        await shop.WaitForAsync(u => u.Code == code);
        await Eventually.StaysFor(() => shop.Received.Count(u => u.Code == code), n => n == 1, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task EntryThatKeepsFailing_MovesToTheDeadLetterStream()
    {
        var worker = Worker("poisoned");
        await worker.EnsureGroupAsync();
        var missingOrder = Guid.NewGuid().ToString();
        await Stream.StreamAddAsync(Options.Stream, [new("order", missingOrder), new("seq", 1)]);

        var outcomes = new List<HandlingOutcome>();
        foreach (var entry in await worker.ReadNewAsync())
        {
            outcomes.Add(await worker.HandleAsync(entry, default));
        }
        for (var i = 0; i < 20 && !outcomes.Contains(HandlingOutcome.DeadLettered); i++)
        {
            await Task.Delay(Options.ClaimIdleTime + TimeSpan.FromMilliseconds(50));
            foreach (var entry in await worker.ClaimStaleAsync())
            {
                outcomes.Add(await worker.HandleAsync(entry, default));
            }
        }

        outcomes.ShouldBe([HandlingOutcome.Failed, HandlingOutcome.Failed, HandlingOutcome.DeadLettered]);
        var dead = (await Stream.StreamRangeAsync(Options.DeadLetterStream)).ShouldHaveSingleItem();
        dead["order"].ToString().ShouldBe(missingOrder);
        dead["error"].ToString().ShouldContain("does not exist");
        (await Stream.StreamPendingAsync(Options.Stream, Options.Group)).PendingMessageCount.ShouldBe(0);
    }

    [Fact]
    public async Task OrderPlacedWhileRedisIsDown_IsKept_AndReachesTheWorkerWhenRedisIsBack()
    {
        redis.Stop();
        var code = await PlaceOrderAsync();
        (await Checkout.QueryAsync(host, db => db.Orders.AnyAsync(o => o.Code == code))).ShouldBeTrue();
        (await Checkout.QueryAsync(host, db => db.Outbox.CountAsync(m => m.PublishedAt == null))).ShouldBeGreaterThan(0);

        await redis.StartAsync();
        var worker = Worker("after-restart");
        await worker.EnsureGroupAsync();
        var entry = await ReadUntilAsync(worker);
        (await worker.HandleAsync(entry, default)).ShouldBe(HandlingOutcome.Handled);

        (await HandledAsync(code)).ShouldBe(["after-restart"]);
    }

    private async Task<string> PlaceOrderAsync()
    {
        var product = await Checkout.StockedProductOfAsync(host, Tere);
        var placed = await Checkout.PlaceAsync(host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)));
        return placed.Orders.Single().Code;
    }

    /// <summary>The outbox relay appends on its own schedule; read until the entry is there.</summary>
    private static async Task<StreamEntry> ReadUntilAsync(FulfilmentConsumer worker)
    {
        for (var i = 0; i < 200; i++)
        {
            var entries = await ReadOrEmptyAsync(worker);
            if (entries.Length > 0)
            {
                return entries.ShouldHaveSingleItem();
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The order never reached the fulfilment stream.");
    }

    private static async Task<StreamEntry[]> ReadOrEmptyAsync(FulfilmentConsumer worker)
    {
        try
        {
            return await worker.ReadNewAsync();
        }
        catch (RedisException)
        {
            return [];
        }
    }

    private Task<List<string>> HandledAsync(string code) =>
        Checkout.QueryAsync(host, db => db.FulfilmentHandlings
            .Where(h => db.Orders.Any(o => o.Id == h.OrderId && o.Code == code)).Select(h => h.Consumer).ToListAsync());
}
