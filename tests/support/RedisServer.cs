using System.Diagnostics;

namespace Market.Tests.Support;

/// <summary>A real redis-server on a free loopback port; it can be stopped and started again on the same port.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=3000";

    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        process = ServerProcess.Start("redis-server", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        await ServerProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(10));
    }

    public void Stop()
    {
        ServerProcess.Kill(process);
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
