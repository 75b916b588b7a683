using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Serialization;
using Market.Core.MarketDays;
using Market.Orders.LiveUpdates;
using Market.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration;

/// <summary>A real SignalR client of the orders hub that records every update it is pushed.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentQueue<OrderUpdate> received = new();
    private readonly ConcurrentQueue<MarketDayNotice> notices = new();
    private int resyncHints;

    private LiveClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<OrderUpdate>("orderEvent", received.Enqueue);
        connection.On<MarketDayNotice>("marketDay", notices.Enqueue);
        connection.On(BackplaneResync.Method, () => Interlocked.Increment(ref resyncHints));
    }

    /// <summary>How many times the server told this client to catch up because its backplane was away.</summary>
    public int ResyncHints => Volatile.Read(ref resyncHints);

    public IReadOnlyList<OrderUpdate> Received => [.. received];

    public HubConnectionState State => connection.State;

    public static async Task<LiveClient> ConnectAsync(MarketHost host, CookieContainer? cookies = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/pedidos"), o => o.Cookies = cookies ?? new CookieContainer())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return new LiveClient(connection);
    }

    public Task<IReadOnlyList<OrderUpdate>> FollowOrderAsync(string code, int afterSequence = 0) =>
        connection.InvokeAsync<IReadOnlyList<OrderUpdate>>("FollowOrder", code, afterSequence);

    public Task<IReadOnlyList<OrderUpdate>> FollowShopAsync(long afterEventId = 0) =>
        connection.InvokeAsync<IReadOnlyList<OrderUpdate>>("FollowShop", afterEventId);

    public async Task<OrderUpdate> WaitForAsync(Func<OrderUpdate, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(match) is { } update)
            {
                return update;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The expected live update never arrived. Received: " + string.Join(", ", received.Select(u => $"{u.Code}#{u.Sequence}:{u.Status}")));
    }

    /// <summary>A notice about a market day, pushed to the vendors with a stall at it (who follow their shop).</summary>
    public async Task<MarketDayNotice> WaitForNoticeAsync(int marketDayId) =>
        (await Eventually.Until(() => Task.FromResult(notices.FirstOrDefault(n => n.MarketDayId == marketDayId)), n => n is not null, seconds: 15))!;

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
