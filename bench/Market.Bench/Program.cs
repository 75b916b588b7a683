using System.Diagnostics;
using System.Net.Http.Json;
using Market.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"Market.Bench: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

MachineInfo.PrintStart(Console.Out, Report.Title);
try
{
    return await RunAsync(options);
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
{
    return Report.PrintOutcome(Console.Out, [ex.Message]);
}

static async Task<int> RunAsync(BenchOptions options)
{
    var cookies = await SignIn.AsShopkeeperAsync(options.Urls[0], options.Shopkeeper, options.Password);
    List<HttpClient> nodes = [.. options.Urls.Select(url => new HttpClient { BaseAddress = url })];
    try
    {
        return await MeasureAsync(options, cookies, nodes);
    }
    finally
    {
        nodes.ForEach(n => n.Dispose());
    }
}

static async Task<int> MeasureAsync(BenchOptions options, System.Net.CookieContainer cookies, List<HttpClient> nodes)
{
    var o = Console.Out;
    var stragglerWait = TimeSpan.FromSeconds(30);
    var products = await nodes[0].GetFromJsonAsync<List<ProductDto>>($"/api/productos?tienda={options.ShopId}") ?? [];
    List<int> unstocked = [.. products.Where(p => p.Stock is null).Select(p => p.Id)];
    if (unstocked.Count == 0)
    {
        return Report.PrintOutcome(o, [$"shop {options.ShopId} has no product without stock control ({products.Count} products); pick another --shop"]);
    }
    Report.PrintSetup(o, options, unstocked.Count);

    await using var notifications = await PlacedNotifications.FollowShopAsync(options.Urls[0], cookies);
    var placer = new OrderPlacer(nodes, options.ShopId, unstocked);

    // The warm-up also proves that orders go through and reach the shopkeeper, and leaves the pipeline idle before the measured phase.
    var warmup = await placer.PlaceAsync(0, options.Warmup, options.Concurrency);
    List<string> warmupCodes = [.. warmup.Where(p => p.Code is not null).Select(p => p.Code!)];
    if (warmupCodes.Count == 0)
    {
        Report.PrintWarmup(o, warmup, 0);
        return Report.PrintOutcome(o, [$"the warm-up placed none of its {warmup.Length} orders, so nothing shows that orders go through"]);
    }
    if (await notifications.WaitForAsync(warmupCodes, stragglerWait) == warmupCodes.Count)
    {
        Report.PrintWarmup(o, warmup, warmupCodes.Count);
        return Report.PrintOutcome(o, [$"none of the {warmupCodes.Count} warm-up orders reached {options.Shopkeeper} within 30 s; does that account own shop {options.ShopId}?"
            + (notifications.FollowShopError is null ? "" : $" (FollowShop answered: {notifications.FollowShopError})")]);
    }

    var started = Stopwatch.GetTimestamp();
    var placements = await placer.PlaceAsync(options.Warmup, options.Orders, options.Concurrency);
    var ended = Stopwatch.GetTimestamp();
    List<Placement> placed = [.. placements.Where(p => p.Code is not null)];
    var missing = await notifications.WaitForAsync([.. placed.Select(p => p.Code!)], stragglerWait);
    // A repeat is usually sent right after the original; a quiet second lets it arrive before counting.
    await notifications.WaitForQuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    List<(Placement Placement, long Arrived)> notified = [];
    foreach (var p in placed)
    {
        if (notifications.TryGetArrival(p.Code!, out var arrived))
        {
            notified.Add((p, arrived));
        }
    }

    var result = new BenchResult(options, warmup, warmupCodes.Count(c => !notifications.TryGetArrival(c, out _)),
        placements, Stopwatch.GetElapsedTime(started, ended),
        new Latencies(placed.Select(p => p.Latency)),
        new Latencies(notified.Select(n => Stopwatch.GetElapsedTime(n.Placement.Started, n.Arrived))),
        notified.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(ended, notified.Max(n => n.Arrived)),
        notified.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started, notified.Max(n => n.Arrived)),
        missing, ReceiptTally.Of(notifications.Receipts, new HashSet<string>([.. warmupCodes, .. placed.Select(p => p.Code!)], StringComparer.Ordinal)),
        notifications.ClosedWith, notifications.FollowShopError);
    Report.Print(o, result);
    return Report.PrintOutcome(o, result.Failures());
}
