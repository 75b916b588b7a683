using System.Globalization;
using Market.Core.Data;

namespace Market.NearBench;

/// <summary>The command line: every option is "--name value"; anything else is a usage error.</summary>
internal sealed record NearBenchOptions(Uri Url, DatabaseProvider Provider, string ConnectionString, int Shops, int Products, int Concurrency, int Requests, int Warmup)
{
    public const string Usage = """
        usage: Market.NearBench --url http://127.0.0.1:PORT --provider Sqlite|Postgres --connection "Data Source=…"
                                [--shops 2000] [--products 50000] [--concurrency 32] [--requests 4000] [--warmup 2000]
          Seeds the app's database (once) with --shops shops and --products products across the 14 municipalities,
          then measures the near-me listing, a text search and a static file of the same app.
        """;

    public static NearBenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--url"] = "",
            ["--provider"] = "Sqlite",
            ["--connection"] = "",
            ["--shops"] = "2000",
            ["--products"] = "50000",
            ["--concurrency"] = "32",
            ["--requests"] = "4000",
            ["--warmup"] = "2000",
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}");
            }
            values[args[i]] = args[i + 1];
        }
        if (!Uri.TryCreate(values["--url"], UriKind.Absolute, out var url))
        {
            throw new ArgumentException($"--url is not an absolute URL: {values["--url"]}");
        }
        if (!Enum.TryParse<DatabaseProvider>(values["--provider"], out var provider) || values["--connection"].Length == 0)
        {
            throw new ArgumentException("--provider must be Sqlite or Postgres and --connection is required");
        }
        return new(url, provider, values["--connection"], Number(values, "--shops", 1), Number(values, "--products", 1),
            Number(values, "--concurrency", 1), Number(values, "--requests", 1), Number(values, "--warmup", 0));
    }

    private static int Number(Dictionary<string, string> values, string name, int minimum) =>
        int.TryParse(values[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least {minimum}: {values[name]}");
}
