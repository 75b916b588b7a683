using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Market.Tests.Support;

/// <summary>
/// A real Azurite blob service (the Azure Blob Storage API) on a free loopback port, keeping its data in a temporary
/// folder. The binary is MARKET_AZURITE, or the one `./market setup` installs under .tools/.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key, published in its documentation.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string folder = Directory.CreateTempSubdirectory("market-azurite-").FullName;
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartNewAsync()
    {
        var server = new AzuriteServer();
        await server.StartAsync();
        return server;
    }

    private async Task StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("MARKET_AZURITE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryFolder(), ".tools", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"Azurite is not at {binary}: run ./market setup once, or set MARKET_AZURITE.");
        }
        process = ServerProcess.Start("node", binary, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(CultureInfo.InvariantCulture),
            "--location", folder, "--skipApiVersionCheck", "--disableTelemetry", "--silent");
        await ServerProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(30));
    }

    public ValueTask DisposeAsync()
    {
        ServerProcess.Kill(process);
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string RepositoryFolder([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Market.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Market.sln not found above the test support folder.");
    }
}
