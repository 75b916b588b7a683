using System.Diagnostics;

namespace Market.Drill;

/// <summary>DIR/topology.env written by scripts/topology, and the script itself for the faults.</summary>
internal sealed class TopologyEnv
{
    private readonly Dictionary<string, string> values;

    private TopologyEnv(Dictionary<string, string> values) => this.values = values;

    public Uri WebA => new($"http://127.0.0.1:{values["WEB_A_PORT"]}");
    public Uri WebB => new($"http://127.0.0.1:{values["WEB_B_PORT"]}");
    public string PgConnection => values["PG_CONNECTION"];
    public string RedisConnection => $"127.0.0.1:{values["REDIS_PORT"]},abortConnect=false";

    public string WorkerPid(int n) => values[$"WORKER_{n}_PID"];

    public static TopologyEnv Read(string dir)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(dir, "topology.env")))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..].Trim('\'');
            }
        }
        return new TopologyEnv(values);
    }

    /// <summary>Runs scripts/topology with the arguments; bounded by a timeout, answers whether it succeeded.</summary>
    public static async Task<bool> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await Console.Error.WriteLineAsync($"drill: topology {string.Join(' ', args)} timed out");
            return false;
        }
        var err = await stderr;
        await stdout;
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"drill: topology {string.Join(' ', args)} failed ({process.ExitCode}): {err}");
        }
        return process.ExitCode == 0;
    }
}
