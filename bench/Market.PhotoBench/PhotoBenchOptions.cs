using System.Globalization;

namespace Market.PhotoBench;

/// <summary>The command line: every option is "--name value"; anything else is a usage error.</summary>
internal sealed record PhotoBenchOptions(int Runs, int Warmup, int Workers, int ParallelPhotos, string? Photo)
{
    public const string Usage = """
        usage: Market.PhotoBench [--runs 15] [--warmup 2] [--workers 2] [--parallel-photos 40] [--photo FILE]
          --runs            photos processed one after another; the time per photo is their median
          --workers         photos processed at once for the throughput phase
          --parallel-photos photos processed in the throughput phase, over all workers
          --photo           a photo to use instead of the 12-megapixel phone-like JPEG made in code
        """;

    public static PhotoBenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["--runs"] = "15",
            ["--warmup"] = "2",
            ["--workers"] = "2",
            ["--parallel-photos"] = "40",
            ["--photo"] = null,
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}");
            }
            values[args[i]] = args[i + 1];
        }
        return new(Number(values, "--runs", 1), Number(values, "--warmup", 0), Number(values, "--workers", 1),
            Number(values, "--parallel-photos", 1), values["--photo"]);
    }

    private static int Number(Dictionary<string, string?> values, string name, int min) =>
        int.TryParse(values[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least {min}");
}
