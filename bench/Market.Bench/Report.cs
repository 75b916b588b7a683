using System.Globalization;

namespace Market.Bench;

internal sealed record BenchResult(
    BenchOptions Options,
    IReadOnlyList<Placement> Warmup,
    int WarmupMissing,
    IReadOnlyList<Placement> Placements,
    TimeSpan PlacingTime,
    Latencies Http,
    Latencies Notification,
    TimeSpan LastArrivalAfterPlacing,
    TimeSpan HandlingTime,
    int Missing,
    ReceiptTally Receipts,
    string? ClosedWith,
    string? FollowShopError)
{
    public int Placed => Http.Count;

    public int Failed => Placements.Count - Placed;

    /// <summary>Why the run proves nothing, one reason a line; empty when every order was placed and notified once and nothing else came.</summary>
    public IReadOnlyList<string> Failures()
    {
        var warmupFailed = Warmup.Count(p => p.Code is null);
        var r = Receipts;
        return
        [
            .. Reason(warmupFailed > 0, $"{warmupFailed} of {Warmup.Count} warm-up orders failed"),
            .. Reason(WarmupMissing > 0, $"{WarmupMissing} of {Warmup.Count - warmupFailed} warm-up orders were never notified"),
            .. Reason(Failed > 0, $"{Failed} of {Options.Orders} orders failed"),
            .. Reason(Missing > 0, $"{Missing} of {Placed} orders were not notified within 30 s"),
            .. Reason(r.Duplicates > 0, $"{r.Duplicates} duplicate notifications: an order event reached the shopkeeper more than once (first: {r.FirstDuplicate})"),
            .. Reason(r.Unexpected > 0, $"{r.Unexpected} unexpected events: {r.ForOtherOrders} of orders this run did not place, {r.OtherStatuses} with a status other than Placed (first: {r.FirstUnexpected})"),
            .. Reason(ClosedWith is not null, $"the shopkeeper's connection closed: {ClosedWith}"),
        ];
    }

    private static IEnumerable<string> Reason(bool failed, string why) => failed ? [why] : [];
}

internal static class Report
{
    public const string Title = "Mercado Cercano order benchmark";

    private const int ErrorSampleLength = 300;

    public static void PrintSetup(TextWriter o, BenchOptions s, int productCount)
    {
        o.WriteLine($"  app            {string.Join(" + ", s.Urls.Select(u => u.OriginalString))}  shop {s.ShopId} ({productCount} products without stock) followed by {s.Shopkeeper}");
        o.WriteLine($"  settings       {s.Orders} orders, concurrency {s.Concurrency}, {s.Warmup} warm-up orders before (not counted); guest pickup, 1 line");
    }

    public static void PrintWarmup(TextWriter o, IReadOnlyList<Placement> warmup, int missing)
    {
        var placed = warmup.Count(p => p.Code is not null);
        o.WriteLine($"  warm-up        {placed} of {warmup.Count} placed, {placed - missing} notified");
        PrintErrors(o, warmup, "warm-up failed");
    }

    public static void Print(TextWriter o, BenchResult r)
    {
        var s = r.Options;
        var i = CultureInfo.InvariantCulture;
        var t = r.Receipts;
        PrintWarmup(o, r.Warmup, r.WarmupMissing);
        o.WriteLine(string.Create(i, $"  placed         {r.Placed} of {s.Orders} ({r.Failed} failed) in {r.PlacingTime.TotalSeconds:0.00} s = {r.Placed / r.PlacingTime.TotalSeconds:0.0} orders/s"));
        o.WriteLine($"  POST latency   {r.Http}");
        o.WriteLine(string.Create(i, $"  notified       {r.Notification.Count} of {r.Placed}, the last {r.LastArrivalAfterPlacing.TotalSeconds:0.0} s after the last POST answer ({r.Missing} missing after 30 s)"));
        o.WriteLine($"  POST→SignalR   {r.Notification}");
        o.WriteLine(string.Create(i, $"  handled        {r.Notification.Count} from the first POST to the last notification in {r.HandlingTime.TotalSeconds:0.00} s = {r.Notification.Count / Math.Max(r.HandlingTime.TotalSeconds, 0.001):0.0} orders/s"));
        o.WriteLine($"  received       {t.Received} order events in all (warm-up included): {t.Duplicates} duplicates, {t.Unexpected} unexpected ({t.ForOtherOrders} of orders not placed by this run, {t.OtherStatuses} not Placed)");
        if (r.FollowShopError is not null)
        {
            o.WriteLine($"  FollowShop     answered an error: {r.FollowShopError}");
        }
        if (r.ClosedWith is not null)
        {
            o.WriteLine($"  hub closed     {r.ClosedWith}");
        }
        PrintErrors(o, r.Placements, "failed");
    }

    /// <summary>The report's last lines: the load at the end, then passed or why not. Answers the exit code.</summary>
    public static int PrintOutcome(TextWriter o, IReadOnlyList<string> failures) =>
        MachineInfo.PrintEnd(o, failures, "every order placed and notified once, no duplicate, no unexpected event");

    private static void PrintErrors(TextWriter o, IReadOnlyList<Placement> placements, string label)
    {
        foreach (var failure in placements.Where(p => p.Error is not null).GroupBy(p => Shorten(p.Error!)).OrderByDescending(g => g.Count()))
        {
            o.WriteLine($"  {label} {failure.Count(),5}× {failure.Key}");
        }
    }

    private static string Shorten(string error) => error.Length <= ErrorSampleLength ? error : error[..ErrorSampleLength] + "…";
}
