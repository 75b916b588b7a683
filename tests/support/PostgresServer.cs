using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Market.Tests.Support;

/// <summary>
/// A real PostgreSQL cluster in a temporary folder on a free port. initdb refuses to run as root, so when the
/// tests run as root (CI does) the server runs as the postgres user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "market-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer();
        await server.StartAsync();
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60;Include Error Detail=true";

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "market_" + Guid.NewGuid().ToString("N")[..10];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("MARKET_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")).First();
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            ServerProcess.Run("chown", "postgres", folder);
        }
        string[] Cmd(string exe, params string[] args) => asRoot ? ["-u", "postgres", "--", Path.Combine(bin, exe), .. args] : args;
        var runner = (string exe) => asRoot ? "runuser" : Path.Combine(bin, exe);
        var data = Path.Combine(folder, "data");
        ServerProcess.Run(runner("initdb"), Cmd("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        process = ServerProcess.Start(runner("postgres"), Cmd("postgres", "-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"));
        await ServerProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(30));
        await WaitUntilAcceptingAsync(TimeSpan.FromSeconds(30));
    }

    // The port opens before recovery ends; until then connections are refused with 57P03 ("starting up").
    private async Task WaitUntilAcceptingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CannotConnectNow && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        ServerProcess.Kill(process);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying server; the temp folder is cleaned by the machine.
        }
        return ValueTask.CompletedTask;
    }
}
