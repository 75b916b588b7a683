using System.Diagnostics;
using System.Globalization;

namespace Market.Drill;

/// <summary>One fault: scripts/topology commands run at a fraction of the ordering time.</summary>
internal sealed record Fault(double At, string Name, params string[][] Commands);

/// <summary>The faults of a run, in order; a step that takes long delays the next one, never the orders.</summary>
/// <param name="workerKilled">Called with the process id of a worker just SIGKILLed, before another one starts.</param>
internal sealed class Faults(string script, string dir, TimeSpan duration, Stopwatch clock, Func<string, Task> workerKilled)
{
    /// <summary>
    /// The short drill (./market test): the worker crash, Redis stopped gracefully and crashed, web node B stopped
    /// gracefully. A crash of B costs as much as its restart (its start-up) and stays in the long drill.
    /// </summary>
    public static readonly IReadOnlyList<Fault> Short =
    [
        new(0.15, "worker 1 SIGKILL + start", ["kill-worker", "1"], ["start-worker", "1"]),
        new(0.35, "redis-server SIGTERM + start", ["restart-redis"]),
        new(0.55, "redis-server SIGKILL + start", ["crash-redis"]),
        new(0.7, "web B SIGTERM + start", ["restart-web", "B"]),
    ];

    /// <summary>The long drill: each of Redis and web node B once stopped gracefully and once crashed.</summary>
    public static readonly IReadOnlyList<Fault> Long =
    [
        new(0.1, "worker 1 SIGKILL + start", ["kill-worker", "1"], ["start-worker", "1"]),
        new(0.25, "redis-server SIGTERM + start", ["restart-redis"]),
        new(0.4, "web B SIGTERM + start", ["restart-web", "B"]),
        new(0.55, "redis-server SIGKILL + start", ["crash-redis"]),
        new(0.7, "web B SIGKILL + start", ["crash-web", "B"]),
    ];

    private readonly List<string> log = [];
    private int injected;

    public int Injected => Volatile.Read(ref injected);

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public async Task RunAsync(IReadOnlyList<Fault> faults)
    {
        foreach (var fault in faults)
        {
            var due = duration * fault.At - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            var sw = Stopwatch.StartNew();
            var ok = true;
            foreach (var command in fault.Commands)
            {
                var killing = command[0] == "kill-worker";
                var pid = killing ? TopologyEnv.Read(dir).WorkerPid(int.Parse(command[1], CultureInfo.InvariantCulture)) : "";
                var done = await TopologyEnv.RunAsync(script, TimeSpan.FromSeconds(120), [command[0], dir, .. command[1..]]);
                ok &= done;
                if (killing && done)
                {
                    await workerKilled(pid);
                    // Let the dead worker's entries sit unacknowledged for a while before a new one starts.
                    await Task.Delay(2000);
                }
            }
            if (ok)
            {
                Interlocked.Increment(ref injected);
            }
            lock (log)
            {
                log.Add($"{fault.Name} {(ok ? "ok" : "FAILED")} at {(clock.Elapsed - sw.Elapsed).TotalSeconds:F1}s, took {sw.Elapsed.TotalSeconds:F1}s");
            }
        }
    }
}
