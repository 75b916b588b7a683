using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Web.Accounts;

/// <summary>How failed sign-ins slow down whoever makes them.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    /// <summary>Failures from one address for one login before each further try must wait.</summary>
    [Range(1, 100)]
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The first wait; each failure after it doubles the wait, up to <see cref="LongestDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan LongestDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long failures are remembered after the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Memory { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>What staff see of one throttle: whose sign-in, from where, and until when it waits.</summary>
public sealed record ThrottleRow(string Login, string Address, int Failures, DateTimeOffset LastFailure, DateTimeOffset? WaitsUntil);

/// <summary>
/// Failed sign-ins counted per (login, client address) in Redis, shared by every web node. Growing waits slow an attacker
/// at one address; the owner signing in from any other address is never held up, so nobody can lock anyone out.
/// If Redis does not answer, sign-in goes on unthrottled (the per-address rate limit still applies when it returns).
/// </summary>
public sealed class SignInThrottle(IConnectionMultiplexer redis, IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock,
    ILogger<SignInThrottle> logger)
{
    private const string Prefix = "market:signin-throttle:";
    private static readonly RedisKey Index = "market:signin-throttles";

    // One failure, atomically: count it, set the wait once past the free attempts, remember it for a while, list it.
    private static readonly LuaScript Failure = LuaScript.Prepare("""
        local n = redis.call('HINCRBY', @key, 'failures', 1)
        local waits = 0
        if n >= tonumber(@free) then
          waits = tonumber(@now) + math.min(tonumber(@first) * 2 ^ (n - tonumber(@free)), tonumber(@longest))
        end
        redis.call('HSET', @key, 'waits', waits, 'last', @now, 'login', @login, 'address', @address)
        redis.call('PEXPIRE', @key, @memory)
        redis.call('ZADD', @index, @now, @member)
        return n
        """);

    /// <summary>True while this login must wait before it may be tried again from this address.</summary>
    public async Task<bool> MustWaitAsync(string login, string? address)
    {
        var waits = await TryAsync(db => db.HashGetAsync(Key(login, address), "waits"));
        return waits is { IsNull: false } w && (long)w > clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public Task FailedAsync(string login, string? address)
    {
        var o = options.CurrentValue;
        return TryAsync(db => db.ScriptEvaluateAsync(Failure, new
        {
            key = Key(login, address),
            index = Index,
            member = Member(login, address),
            login,
            address = address ?? "",
            now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            free = o.FreeAttempts,
            first = (long)o.FirstDelay.TotalMilliseconds,
            longest = (long)o.LongestDelay.TotalMilliseconds,
            memory = (long)o.Memory.TotalMilliseconds,
        }));
    }

    /// <summary>A successful sign-in, or staff clearing it.</summary>
    public Task ClearAsync(string login, string? address) => TryAsync(async db =>
    {
        await db.KeyDeleteAsync(Key(login, address));
        return await db.SortedSetRemoveAsync(Index, Member(login, address));
    });

    public async Task<IReadOnlyList<ThrottleRow>> ListAsync()
    {
        var since = (clock.GetUtcNow() - options.CurrentValue.Memory).ToUnixTimeMilliseconds();
        var rows = new List<ThrottleRow>();
        await TryAsync(async db =>
        {
            await db.SortedSetRemoveRangeByScoreAsync(Index, double.NegativeInfinity, since);
            foreach (var member in await db.SortedSetRangeByScoreAsync(Index, since, order: Order.Descending, take: 500))
            {
                var fields = (await db.HashGetAllAsync(Prefix + member)).ToDictionary(e => e.Name.ToString(), e => e.Value);
                if (fields.Count > 0)
                {
                    var waits = (long)fields["waits"];
                    rows.Add(new ThrottleRow(fields["login"]!, fields["address"]!, (int)fields["failures"],
                        DateTimeOffset.FromUnixTimeMilliseconds((long)fields["last"]), waits > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(waits) : null));
                }
            }
            return true;
        });
        return rows;
    }

    private static string Member(string login, string? address) => login + "|" + (address ?? "");

    private static RedisKey Key(string login, string? address) => Prefix + Member(login, address);

    private async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(redis.GetDatabase()).WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Sign-in throttle not checked: Redis did not answer");
            return default;
        }
    }
}
