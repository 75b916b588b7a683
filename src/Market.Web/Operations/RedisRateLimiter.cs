using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Web.Operations;

/// <summary>
/// A fixed window per (route kind, client IP) counted with INCR + EXPIRE in Redis, so a limit holds across web nodes.
/// If Redis does not answer the request goes through: checkout must keep working while Redis is away.
/// </summary>
internal sealed class RedisRateLimiter(
    IConnectionMultiplexer redis,
    IOptionsMonitor<RateLimitOptions> options,
    TimeProvider clock,
    ILogger<RedisRateLimiter> logger) : PartitionedRateLimiter<HttpContext>
{
    private static readonly TimeSpan RedisBudget = TimeSpan.FromSeconds(1);

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    // The middleware tries this first and waits on AcquireAsyncCore only when it fails; counting needs Redis, so it waits.
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        RateLimitedRoutes.For(resource.Request, options.CurrentValue) is null ? Lease.Allowed : Lease.NotTried;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (RateLimitedRoutes.For(resource.Request, o) is not { } route)
        {
            return Lease.Allowed;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)o.Window.TotalMilliseconds;
        var key = string.Create(CultureInfo.InvariantCulture,
            $"market:ratelimit:{route.Name}:{resource.Connection.RemoteIpAddress}:{now / window}");
        long count;
        try
        {
            var db = redis.GetDatabase();
            var increment = db.StringIncrementAsync(key);
            var expire = db.KeyExpireAsync(key, o.Window, ExpireWhen.HasNoExpiry);
            count = await increment.WaitAsync(RedisBudget, cancellationToken);
            await expire.WaitAsync(RedisBudget, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate limit {Route} not checked: Redis did not answer", route.Name);
            return Lease.Allowed;
        }
        return count <= route.Limit ? Lease.Allowed : new Lease(false, TimeSpan.FromMilliseconds(window - now % window));
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
