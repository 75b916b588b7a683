using Market.Tests.Support;

namespace Market.Tests.Integration;

/// <summary>Where a fixture's app keeps its data; the same tests run against each.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>A PostgreSQL connection string, or null for the fresh SQLite file the app host makes.</summary>
    Task<string?> StartAsync();
}

public sealed class SqliteDatabase : ITestDatabase
{
    public Task<string?> StartAsync() => Task.FromResult<string?>(null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A private PostgreSQL server with one fresh database.</summary>
public sealed class PostgresDatabase : ITestDatabase
{
    private PostgresServer? server;

    public async Task<string?> StartAsync()
    {
        server = await PostgresServer.StartNewAsync();
        return await server.CreateDatabaseAsync();
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
