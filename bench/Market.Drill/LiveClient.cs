using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Market.Drill;

/// <summary>Reconnects every 500 ms for at most 90 s, then gives up (the connection closes).</summary>
internal sealed class BoundedRetry : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.ElapsedTime < TimeSpan.FromSeconds(90) ? TimeSpan.FromMilliseconds(500) : null;
}

/// <summary>
/// A SignalR client on /hubs/pedidos that keeps, per order code, the sequence numbers it received, and apart from them
/// how many times each came as a push: two pushes of one event are a double handling, whereas a push and a catch-up
/// answer holding the same event are how the hub is meant to work (join, then read what was missed).
/// The resident follows single orders (FollowOrder) and re-asks from its last contiguous sequence on reconnect and on a
/// gap; the shopkeeper follows the shop (FollowShop) and re-asks from its last event id on reconnect.
/// </summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HubConnection hub;
    private readonly bool shop;
    private readonly ConcurrentDictionary<string, SortedSet<int>> received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Code, int Sequence), int> pushes = new();
    private readonly ConcurrentDictionary<string, byte> followed = new(StringComparer.Ordinal);
    private long lastEventId;
    private int reconnects;
    private int recovered;
    private int resyncErrors;
    private int resyncHints;

    private LiveClient(string name, Uri baseUrl, CookieContainer? cookies, int? shopId)
    {
        Name = name;
        ShopId = shopId;
        shop = shopId is not null;
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/pedidos"), o => o.Cookies = cookies ?? new CookieContainer())
            .WithAutomaticReconnect(new BoundedRetry())
            .Build();
        hub.On<JsonElement>("orderEvent", e => Add(e.Deserialize<UpdateDto>(Json)!, viaPush: true));
        // As the pages do: the node's backplane came back, so pushes may have been lost (not awaited: receive loop).
        hub.On("resync", () =>
        {
            Interlocked.Increment(ref resyncHints);
            _ = Task.Run(ResyncAllAsync);
        });
        hub.Reconnected += async _ =>
        {
            Interlocked.Increment(ref reconnects);
            await ResyncAllAsync();
        };
        hub.Closed += error =>
        {
            ClosedWith = error?.Message ?? "closed";
            return Task.CompletedTask;
        };
    }

    public string Name { get; }

    /// <summary>The shop whose feed this client follows; null for the resident.</summary>
    public int? ShopId { get; }

    public string? ClosedWith { get; private set; }
    public int Reconnects => Volatile.Read(ref reconnects);

    /// <summary>Per order event pushed more than once, how many times, counted before anything is dropped.</summary>
    public IReadOnlyDictionary<(string Code, int Sequence), int> PushedMoreThanOnce =>
        pushes.Where(p => p.Value > 1).ToDictionary(p => p.Key, p => p.Value);

    public int Recovered => Volatile.Read(ref recovered);
    public int ResyncErrors => Volatile.Read(ref resyncErrors);
    public int ResyncHints => Volatile.Read(ref resyncHints);
    public IReadOnlyCollection<string> Followed => [.. followed.Keys];

    public static async Task<LiveClient> ResidentAsync(string name, Uri baseUrl)
    {
        var client = new LiveClient(name, baseUrl, null, null);
        await client.hub.StartAsync();
        return client;
    }

    /// <param name="shopId">The one shop the account owns: its orders are what this client must receive, and only them.</param>
    public static async Task<LiveClient> ShopkeeperAsync(string name, Uri baseUrl, CookieContainer cookies, int shopId)
    {
        var client = new LiveClient(name, baseUrl, cookies, shopId);
        await client.hub.StartAsync();
        await client.ResyncAllAsync();
        return client;
    }

    /// <summary>The resident starts following an order: joins its group, then reads what it missed.</summary>
    public async Task FollowAsync(string code)
    {
        followed.TryAdd(code, 0);
        await ResyncAsync(code);
    }

    /// <summary>Asks again for everything after what it has (all followed orders, or the shop's feed).</summary>
    public async Task ResyncAllAsync()
    {
        if (shop)
        {
            await InvokeAsync("FollowShop", Interlocked.Read(ref lastEventId));
            return;
        }
        foreach (var code in followed.Keys)
        {
            await ResyncAsync(code);
        }
    }

    public IReadOnlySet<int> ReceivedFor(string code) =>
        received.TryGetValue(code, out var set) ? Snapshot(set) : new HashSet<int>();

    /// <summary>Every order code it received anything for, followed or not.</summary>
    public IReadOnlyCollection<string> ReceivedCodes => [.. received.Keys];

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    private static HashSet<int> Snapshot(SortedSet<int> set)
    {
        lock (set)
        {
            return [.. set];
        }
    }

    private Task ResyncAsync(string code)
    {
        var after = 0;
        if (received.TryGetValue(code, out var set))
        {
            lock (set)
            {
                while (set.Contains(after + 1))
                {
                    after++;
                }
            }
        }
        return InvokeAsync("FollowOrder", code, after);
    }

    private async Task InvokeAsync(string method, object arg1, object? arg2 = null)
    {
        // Bounded: a few tries while the connection comes back; the Reconnected handler re-asks anyway.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (hub.State != HubConnectionState.Connected)
            {
                await Task.Delay(200);
                continue;
            }
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var updates = arg2 is null
                    ? await hub.InvokeAsync<List<UpdateDto>>(method, arg1, cts.Token)
                    : await hub.InvokeAsync<List<UpdateDto>>(method, arg1, arg2, cts.Token);
                foreach (var u in updates)
                {
                    Add(u, viaPush: false);
                }
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await Task.Delay(200);
            }
        }
        Interlocked.Increment(ref resyncErrors);
    }

    private void Add(UpdateDto update, bool viaPush)
    {
        if (viaPush)
        {
            pushes.AddOrUpdate((update.Code, update.Sequence), 1, (_, n) => n + 1);
        }
        // Only a catch-up moves the mark, as in the inbox page: a later push says nothing of an earlier lost one.
        long seen;
        do
        {
            seen = Interlocked.Read(ref lastEventId);
        }
        while (!viaPush && update.EventId > seen && Interlocked.CompareExchange(ref lastEventId, update.EventId, seen) != seen);

        // Kept even for an order the resident does not follow: the checks count it as an event it should not have had.
        var set = received.GetOrAdd(update.Code, _ => []);
        bool added;
        bool gap;
        lock (set)
        {
            added = set.Add(update.Sequence);
            gap = added && update.Sequence > 1 && !set.Contains(update.Sequence - 1);
        }
        if (!added)
        {
            return;
        }
        if (!viaPush)
        {
            Interlocked.Increment(ref recovered);
        }
        if (gap && !shop && viaPush && followed.ContainsKey(update.Code))
        {
            // A hole: ask again from the last contiguous sequence (not awaited: we are on the receive loop).
            _ = Task.Run(() => ResyncAsync(update.Code));
        }
    }
}
