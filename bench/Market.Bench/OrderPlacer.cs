using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Market.Bench;

/// <summary>One POST /api/pedidos: when it started and was answered, and the order code or what went wrong.</summary>
internal sealed record Placement(long Started, long Answered, string? Code, string? Error)
{
    public TimeSpan Latency => Stopwatch.GetElapsedTime(Started, Answered);
}

/// <summary>Places guest pickup orders for one shop from a fixed number of concurrent callers, spread over the web nodes.</summary>
internal sealed class OrderPlacer(IReadOnlyList<HttpClient> nodes, int shopId, IReadOnlyList<int> productIds)
{
    private static readonly Uri OrdersPath = new("/api/pedidos", UriKind.Relative);

    /// <summary>Orders number first … first + count − 1; the number picks the product, quantity and phone.</summary>
    public async Task<Placement[]> PlaceAsync(int first, int count, int concurrency)
    {
        var placements = new Placement[count];
        var next = -1;
        async Task Caller()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                placements[i] = await PlaceOneAsync(first + i);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Caller()));
        return placements;
    }

    private async Task<Placement> PlaceOneAsync(int number)
    {
        var order = new PlaceOrderRequest(
            new CustomerDto($"Cliente de prueba {number}", $"+5037{number % 10_000_000:D7}"),
            [new CartLineDto(productIds[number % productIds.Count], 1 + number % 3)],
            [new ShopChoiceDto(shopId, "Pickup")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, OrdersPath) { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await nodes[number % nodes.Count].SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                var body = await response.Content.ReadAsStringAsync();
                return new(started, Stopwatch.GetTimestamp(), null, $"{(int)response.StatusCode} {body}");
            }
            var placed = await response.Content.ReadFromJsonAsync<PlacedDto>();
            return new(started, Stopwatch.GetTimestamp(), placed?.Orders.Single().Code, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new(started, Stopwatch.GetTimestamp(), null, ex.Message);
        }
    }
}
