using Market.Tests.Support;

namespace Market.Tests.Integration;

/// <summary>Two web nodes on one PostgreSQL database and one Redis; node A seeds the demo data.</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly RedisServer redis;
    private readonly PostgresDatabase postgres;

    private TwoNodes(RedisServer redis, PostgresDatabase postgres, MarketHost a, MarketHost b) =>
        (this.redis, this.postgres, A, B) = (redis, postgres, a, b);

    public MarketHost A { get; }
    public MarketHost B { get; }

    public static async Task<TwoNodes> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var redis = await RedisServer.StartNewAsync();
        var postgres = new PostgresDatabase();
        var database = await postgres.StartAsync();
        var a = await MarketHost.StartAsync(redis, database, new Dictionary<string, string?>(settings));
        var b = await MarketHost.StartAsync(redis, database, new Dictionary<string, string?>(settings) { ["Seed:DemoData"] = "false" });
        return new TwoNodes(redis, postgres, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await postgres.DisposeAsync();
        await redis.DisposeAsync();
    }
}
