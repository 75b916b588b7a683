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

try
{
    return await RunAsync(options);
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine($"Market.Bench: {ex.Message}");
    return 1;
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
    var stragglerWait = TimeSpan.FromSeconds(30);
    var products = await nodes[0].GetFromJsonAsync<List<ProductDto>>($"/api/productos?tienda={options.ShopId}") ?? [];
    List<int> unstocked = [.. products.Where(p => p.Stock is null).Select(p => p.Id)];
    if (unstocked.Count == 0)
    {
        Console.Error.WriteLine($"Market.Bench: shop {options.ShopId} has no product without stock control ({products.Count} products); pick another --shop");
        return 1;
    }

    await using var notifications = await PlacedNotifications.FollowShopAsync(options.Urls[0], cookies);
    var placer = new OrderPlacer(nodes, options.ShopId, unstocked);

    // The warm-up also proves that the account follows the shop, and leaves the pipeline idle before the measured phase.
    var warmup = await placer.PlaceAsync(0, options.Warmup, options.Concurrency);
    List<string> warmupCodes = [.. warmup.Where(p => p.Code is not null).Select(p => p.Code!)];
    if (warmupCodes.Count > 0 && await notifications.WaitForAsync(warmupCodes, stragglerWait) == warmupCodes.Count)
    {
        Console.Error.WriteLine($"Market.Bench: none of the {warmupCodes.Count} warm-up orders reached {options.Shopkeeper}; does that account own shop {options.ShopId}?");
        return 1;
    }

    var started = Stopwatch.GetTimestamp();
    var placements = await placer.PlaceAsync(options.Warmup, options.Orders, options.Concurrency);
    var ended = Stopwatch.GetTimestamp();
    List<Placement> placed = [.. placements.Where(p => p.Code is not null)];
    var missing = await notifications.WaitForAsync([.. placed.Select(p => p.Code!)], stragglerWait);
    List<(Placement Placement, long Arrived)> notified = [];
    foreach (var p in placed)
    {
        if (notifications.TryGetArrival(p.Code!, out var arrived))
        {
            notified.Add((p, arrived));
        }
    }

    var result = new BenchResult(options, unstocked.Count, placements, Stopwatch.GetElapsedTime(started, ended),
        new Latencies(placed.Select(p => p.Latency)),
        new Latencies(notified.Select(n => Stopwatch.GetElapsedTime(n.Placement.Started, n.Arrived))),
        notified.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(ended, notified.Max(n => n.Arrived)),
        notified.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started, notified.Max(n => n.Arrived)),
        missing, notifications.Duplicates, notifications.Others, notifications.ClosedWith, notifications.FollowShopError);
    Report.Print(Console.Out, result, Report.CommandLine());
    return result.Clean ? 0 : 1;
}
