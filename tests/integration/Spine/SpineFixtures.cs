using Market.Tests.Support;

namespace Market.Tests.Integration.Spine;

/// <summary>One app host per test class: real Redis, the real app, and the database the subclass brings.</summary>
public abstract class SpineFixture(ITestDatabase database) : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(Redis, await database.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Redis.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed class SqliteSpine() : SpineFixture(new SqliteDatabase());

public sealed class PostgresSpine() : SpineFixture(new PostgresDatabase());
