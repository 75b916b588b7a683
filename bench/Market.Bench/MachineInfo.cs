using System.Globalization;
using System.Runtime.InteropServices;

namespace Market.Bench;

/// <summary>
/// What makes a run recognisable afterwards: the command that reproduces it, the machine, and how busy the machine
/// was at the start and at the end (the VM is shared, so a slow run is often a loaded machine, not a slow app).
/// </summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>
    /// The bench scripts pass their own command line in BENCH_COMMAND, which is what people type; run directly, the
    /// harness is reproduced by <c>dotnet run</c> of its project with the same arguments.
    /// </summary>
    public static string Command()
    {
        if (Environment.GetEnvironmentVariable("BENCH_COMMAND") is { Length: > 0 } command)
        {
            return command;
        }
        var project = typeof(MachineInfo).Assembly.GetName().Name;
        var args = Environment.GetCommandLineArgs().Skip(1).Select(Quote).ToList();
        return $"dotnet run -c Release --project bench/{project} --{(args.Count == 0 ? "" : " " + string.Join(' ', args))}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages as the kernel reports them.</summary>
    public static string LoadAverage()
    {
        try
        {
            return "load average: " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "load average: unknown (/proc/loadavg not readable)";
        }
    }

    /// <summary>The first lines of every benchmark's report, written before anything is measured.</summary>
    public static void PrintStart(TextWriter o, string title)
    {
        o.WriteLine(title);
        o.WriteLine(Line("command", Command()));
        o.WriteLine(Line("machine", Describe()));
        o.WriteLine(Line("started", $"{Now()}, {LoadAverage()}"));
        o.Flush();
    }

    /// <summary>
    /// The last lines of every benchmark's report: the load when the measuring was over, so a run that ended on a loaded
    /// machine shows it, then whether the run passed or why not. Answers the exit code.
    /// </summary>
    public static int PrintEnd(TextWriter o, IReadOnlyList<string> failures, string passed)
    {
        o.WriteLine(Line("ended", $"{Now()}, {LoadAverage()}"));
        if (failures.Count == 0)
        {
            o.WriteLine(Line("result", "passed: " + passed));
            return 0;
        }
        o.WriteLine(Line("result", $"FAILED ({failures.Count} {(failures.Count == 1 ? "reason" : "reasons")})"));
        foreach (var why in failures)
        {
            o.WriteLine(Line("why", why));
        }
        return 1;
    }

    private static string Line(string label, string text) => $"  {label,-15}{text}";

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
