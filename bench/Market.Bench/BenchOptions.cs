using System.Globalization;

namespace Market.Bench;

/// <summary>The command line: every option is "--name value"; anything else is a usage error.</summary>
internal sealed record BenchOptions(IReadOnlyList<Uri> Urls, int Orders, int Concurrency, int Warmup, string Shopkeeper, string Password, int ShopId)
{
    public const string Usage = """
        usage: Market.Bench [--url http://127.0.0.1:5080[,http://…]] [--orders 2000] [--concurrency 16] [--warmup 50]
                            [--shopkeeper tienda2@demo.sv] [--password Mercado2026!] [--shop 2]
          --shop is the id of a shop that --shopkeeper owns; the default pair is Pupusería La Ceiba,
          whose food is made to order (no stock), so the orders never run out of stock.
          The warm-up (at least 1 order) is not measured; it shows that orders go through and reach the shopkeeper,
          and the run fails without it.
          Several comma-separated --url values are web nodes of one app: orders go to them in turn and the
          shopkeeper follows on the first, so notifications cross nodes through the SignalR backplane.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--url"] = "http://127.0.0.1:5080",
            ["--orders"] = "2000",
            ["--concurrency"] = "16",
            ["--warmup"] = "50",
            ["--shopkeeper"] = "tienda2@demo.sv",
            ["--password"] = "Mercado2026!",
            ["--shop"] = "2",
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}");
            }
            values[args[i]] = args[i + 1];
        }
        List<Uri> urls = [.. values["--url"].Split(',').Select(AbsoluteUrl)];
        return new(urls, Number(values, "--orders", 1), Number(values, "--concurrency", 1), Number(values, "--warmup", 1),
            values["--shopkeeper"], values["--password"], Number(values, "--shop", 1));
    }

    private static Uri AbsoluteUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--url is not an absolute URL: {text}");

    private static int Number(Dictionary<string, string> values, string name, int minimum) =>
        int.TryParse(values[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least {minimum}: {values[name]}");
}
