using System.Globalization;

namespace Market.Bench;

internal sealed record BenchResult(
    BenchOptions Options,
    int ProductCount,
    IReadOnlyList<Placement> Placements,
    TimeSpan PlacingTime,
    Latencies Http,
    Latencies Notification,
    TimeSpan LastArrivalAfterPlacing,
    TimeSpan HandlingTime,
    int Missing,
    int Duplicates,
    int OtherEvents,
    string? ClosedWith,
    string? FollowShopError)
{
    public int Placed => Http.Count;

    public int Failed => Placements.Count - Placed;

    public bool Clean => Failed == 0 && Missing == 0 && ClosedWith is null;
}

internal static class Report
{
    private const int ErrorSampleLength = 300;

    public static void Print(TextWriter o, BenchResult r, string command)
    {
        var s = r.Options;
        var i = CultureInfo.InvariantCulture;
        o.WriteLine("Mercado Cercano order benchmark");
        o.WriteLine($"  machine        {MachineInfo.Describe()}");
        o.WriteLine($"  app            {string.Join(" + ", s.Urls.Select(u => u.OriginalString))}  shop {s.ShopId} ({r.ProductCount} products without stock) followed by {s.Shopkeeper}");
        o.WriteLine($"  settings       {s.Orders} orders, concurrency {s.Concurrency}, {s.Warmup} warm-up orders before (not counted); guest pickup, 1 line");
        o.WriteLine(string.Create(i, $"  placed         {r.Placed} of {s.Orders} ({r.Failed} failed) in {r.PlacingTime.TotalSeconds:0.00} s = {r.Placed / r.PlacingTime.TotalSeconds:0.0} orders/s"));
        o.WriteLine($"  POST latency   {r.Http}");
        o.WriteLine(string.Create(i, $"  notified       {r.Notification.Count} of {r.Placed}, the last {r.LastArrivalAfterPlacing.TotalSeconds:0.0} s after the last POST answer ({r.Missing} missing after 30 s, {r.Duplicates} duplicates, {r.OtherEvents} other events)"));
        o.WriteLine($"  POST→SignalR   {r.Notification}");
        o.WriteLine(string.Create(i, $"  handled        {r.Notification.Count} from the first POST to the last notification in {r.HandlingTime.TotalSeconds:0.00} s = {r.Notification.Count / Math.Max(r.HandlingTime.TotalSeconds, 0.001):0.0} orders/s"));
        if (r.FollowShopError is not null)
        {
            o.WriteLine($"  FollowShop     answered an error: {r.FollowShopError}");
        }
        if (r.ClosedWith is not null)
        {
            o.WriteLine($"  hub closed     {r.ClosedWith}");
        }
        foreach (var failure in r.Placements.Where(p => p.Error is not null).GroupBy(p => Shorten(p.Error!)).OrderByDescending(g => g.Count()))
        {
            o.WriteLine($"  failed {failure.Count(),5}× {failure.Key}");
        }
        o.WriteLine($"  command        {command}");
    }

    /// <summary>bench/run passes its own command line, which is what people type; otherwise this process's.</summary>
    public static string CommandLine()
    {
        var args = Environment.GetCommandLineArgs();
        var program = args[0].EndsWith(".dll", StringComparison.Ordinal) ? "dotnet " + args[0] : args[0];
        return Environment.GetEnvironmentVariable("BENCH_COMMAND")
            ?? string.Join(' ', [program, .. args.Skip(1).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)]);
    }

    private static string Shorten(string error) => error.Length <= ErrorSampleLength ? error : error[..ErrorSampleLength] + "…";
}
