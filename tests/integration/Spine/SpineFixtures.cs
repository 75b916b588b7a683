using Market.Tests.Support;

namespace Market.Tests.Integration.Spine;

/// <summary>One app host per test class: real Redis, the real app, and the database the subclass brings.</summary>
public abstract class SpineFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;

    protected abstract Task<string?> DatabaseAsync();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(Redis, await DatabaseAsync());
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

public sealed class SqliteSpine : SpineFixture
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresSpine : SpineFixture
{
    private PostgresServer? postgres;

    protected override async Task<string?> DatabaseAsync()
    {
        postgres = await PostgresServer.StartNewAsync();
        return await postgres.CreateDatabaseAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
