using Market.Orders.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Orders.Telemetry;

/// <summary>
/// Reads the queue's size from Redis every few seconds for the gauges. While Redis does not answer the gauges report
/// nothing rather than a stale number, and the sampler keeps trying.
/// </summary>
internal sealed class QueueSampler(
    IConnectionMultiplexer redis,
    IOptions<FulfilmentOptions> options,
    OrdersMetrics metrics,
    TimeProvider clock,
    ILogger<QueueSampler> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            metrics.Queue = await SampleAsync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<QueueSample> SampleAsync()
    {
        var o = options.Value;
        var db = redis.GetDatabase();
        try
        {
            var length = db.StreamLengthAsync(o.Stream);
            var dead = db.StreamLengthAsync(o.DeadLetterStream);
            return QueueSample.Of(o, await length, await PendingAsync(db, o), await dead);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Queue sample skipped: Redis did not answer");
            return QueueSample.Unknown;
        }
    }

    private static async Task<long> PendingAsync(IDatabase db, FulfilmentOptions o)
    {
        try
        {
            return (await db.StreamPendingAsync(o.Stream, o.Group)).PendingMessageCount;
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // No worker has created the group yet, so no entry can be pending.
            return 0;
        }
    }
}
