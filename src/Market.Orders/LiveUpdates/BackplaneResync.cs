using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Market.Orders.LiveUpdates;

/// <summary>
/// A push published while this node's backplane subscription was down is gone, and the client, still connected,
/// sees no gap. When the subscription comes back, every client of this node is told to catch up by sequence.
/// </summary>
public sealed partial class BackplaneResync(IServiceProvider services, TimeProvider clock, ILogger<BackplaneResync> logger)
{
    public const string Method = "resync";

    // SE.Redis resubscribes right after it reports the restore; a catch-up read before that could miss a push.
    private static readonly TimeSpan ResubscribeAllowance = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> connections = new(StringComparer.Ordinal);

    public void Connected(string connectionId) => connections.TryAdd(connectionId, 0);

    public void Disconnected(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>The backplane's connection factory: the same connection SignalR would make, watched for restores.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration, TextWriter log)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration, log);
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                _ = TellClientsAsync();
            }
        };
        return multiplexer;
    }

    private async Task TellClientsAsync()
    {
        await Task.Delay(ResubscribeAllowance, clock);
        // Resolved here, not injected: the hub context depends on the backplane options that use this class.
        var hub = services.GetRequiredService<IHubContext<OrdersHub>>();
        var ids = connections.Keys.ToList();
        LogResync(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                // A local connection is written to directly, without the backplane.
                await hub.Clients.Client(id).SendAsync(Method);
            }
            catch (Exception ex) when (ex is IOException or RedisException or InvalidOperationException)
            {
                LogResyncFailed(ex, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SignalR backplane reconnected; telling {Count} live clients to catch up")]
    private partial void LogResync(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell live client {ConnectionId} to catch up")]
    private partial void LogResyncFailed(Exception ex, string connectionId);
}
