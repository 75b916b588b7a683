using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Web.Operations;

/// <summary>
/// A fixed window per (policy, client IP) counted in Redis, so a limit holds across web nodes. One script increments
/// the window's counter and sets its expiry together, so no counter is ever left behind without one.
/// If Redis does not answer the request goes through: checkout must keep working while Redis is away.
/// </summary>
internal sealed class RedisRateLimiter(
    IConnectionMultiplexer redis,
    IOptionsMonitor<RateLimitOptions> options,
    TimeProvider clock,
    ILogger<RedisRateLimiter> logger)
{
    private static readonly TimeSpan RedisBudget = TimeSpan.FromSeconds(1);

    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    /// <summary>The rate-limiting middleware keeps one limiter per partition, that is per policy and client address.</summary>
    public RateLimitPartition<string> PartitionFor(string policy, HttpContext context) =>
        RateLimitPartition.Get(context.Connection.RemoteIpAddress?.ToString() ?? "", client => new ClientWindow(this, clock, policy, client));

    private async ValueTask<RateLimitLease> AcquireAsync(string policy, string client, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)o.Window.TotalMilliseconds;
        var key = string.Create(CultureInfo.InvariantCulture, $"market:ratelimit:{policy}:{client}:{now / window}");
        long count;
        try
        {
            var counted = redis.GetDatabase().ScriptEvaluateAsync(CountScript, [key], [window]);
            count = (long)await counted.WaitAsync(RedisBudget, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate limit {Policy} not checked: Redis did not answer", policy);
            return Lease.Allowed;
        }
        return count <= o.LimitOf(policy) ? Lease.Allowed : new Lease(false, TimeSpan.FromMilliseconds(window - now % window));
    }

    private sealed class ClientWindow(RedisRateLimiter owner, TimeProvider clock, string policy, string client) : RateLimiter
    {
        private long lastUsed = clock.GetTimestamp();

        // Lets the middleware drop the limiters of clients that stopped coming; the count itself lives in Redis.
        public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        // The middleware tries this first and waits on AcquireAsyncCore only when it fails; counting needs Redis, so it waits.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotTried;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref lastUsed, clock.GetTimestamp());
            return owner.AcquireAsync(policy, client, cancellationToken);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null) : RateLimitLease
    {
        public static readonly Lease Allowed = new(true);
        public static readonly Lease NotTried = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
