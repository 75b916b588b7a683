using System.Globalization;

namespace Market.MarketDaysBench;

/// <summary>The command line: every option is "--name value"; anything else is a usage error.</summary>
internal sealed record MarketDaysBenchOptions(int Municipalities, int SpacesEach, int Weeks, int Runs)
{
    public const string Usage = """
        usage: Market.MarketDaysBench [--municipalities 14] [--spaces 50] [--weeks 52] [--runs 5]
          --municipalities  municipalities, each with its own spaces
          --spaces          public spaces per municipality, each with one weekly Saturday series
          --weeks           length of each series in weeks
          --runs            in-memory validations of the whole plan; the time is their median
        """;

    public static MarketDaysBenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--municipalities"] = "14",
            ["--spaces"] = "50",
            ["--weeks"] = "52",
            ["--runs"] = "5",
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}");
            }
            values[args[i]] = args[i + 1];
        }
        return new(Number(values, "--municipalities"), Number(values, "--spaces"), Number(values, "--weeks"), Number(values, "--runs"));
    }

    private static int Number(Dictionary<string, string> values, string name) =>
        int.TryParse(values[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least 1");
}
