using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Market.Bench;

/// <summary>One "orderEvent" as the connection received it; a malformed one has no code, sequence or status.</summary>
internal sealed record Receipt(string? Code, int? Sequence, string? Status)
{
    public override string ToString() =>
        $"order {Code ?? "(no code)"} sequence {(Sequence is { } s ? s.ToString(CultureInfo.InvariantCulture) : "(none)")} status {Status ?? "(none)"}";
}

/// <summary>
/// What reached the shopkeeper's connection besides one "Placed" event per order the benchmark placed: the same event
/// again (same order code and sequence), and events it has no reason to see (another order, another status).
/// </summary>
internal sealed record ReceiptTally(int Received, int Duplicates, string? FirstDuplicate, int ForOtherOrders, int OtherStatuses, string? FirstUnexpected)
{
    public int Unexpected => ForOtherOrders + OtherStatuses;

    public static ReceiptTally Of(IReadOnlyCollection<Receipt> receipts, IReadOnlySet<string> placedCodes)
    {
        // Counted from every receipt, not from the first arrival per order: a client that drops what it saw
        // before by sequence would hide exactly the duplicates this check is for.
        var events = receipts.GroupBy(r => (r.Code, r.Sequence)).ToList();
        var repeated = events.FirstOrDefault(g => g.Count() > 1);
        var otherOrders = events.Where(g => g.Key.Code is null || !placedCodes.Contains(g.Key.Code)).Select(g => g.First()).ToList();
        var otherStatuses = events.Where(g => g.Key.Code is not null && placedCodes.Contains(g.Key.Code))
            .Select(g => g.First()).Where(r => r.Status != "Placed").ToList();
        return new(receipts.Count, receipts.Count - events.Count,
            repeated is null ? null : $"{repeated.First()}, received {repeated.Count()} times",
            otherOrders.Count, otherStatuses.Count, otherOrders.Concat(otherStatuses).FirstOrDefault()?.ToString());
    }
}

/// <summary>The shopkeeper's live inbox: keeps every event it receives, and when the "Placed" event of each order code first arrived.</summary>
internal sealed class PlacedNotifications : IAsyncDisposable
{
    private readonly ConcurrentQueue<Receipt> receipts = new();
    private readonly ConcurrentDictionary<string, long> arrivals = new(StringComparer.Ordinal);
    private readonly HubConnection hub;
    private long lastReceipt = Stopwatch.GetTimestamp();

    private PlacedNotifications(HubConnection hub)
    {
        this.hub = hub;
        hub.On<JsonElement>("orderEvent", Arrived);
        hub.Closed += error =>
        {
            ClosedWith = error?.Message ?? "closed by the server";
            return Task.CompletedTask;
        };
    }

    public IReadOnlyCollection<Receipt> Receipts => receipts.ToArray();

    public string? ClosedWith { get; private set; }

    public string? FollowShopError { get; private set; }

    public static async Task<PlacedNotifications> FollowShopAsync(Uri baseUrl, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, "/hubs/pedidos"), o => o.Cookies = cookies).Build();
        var notifications = new PlacedNotifications(hub);
        try
        {
            await hub.StartAsync();
            try
            {
                // The answer is the backlog of earlier events, which the benchmark does not need.
                await hub.InvokeAsync<JsonElement>("FollowShop", 0L);
            }
            catch (HubException ex)
            {
                // The hub joins the shop's group before it reads the backlog, so events may still come;
                // the warm-up finds out, and the report shows the error.
                notifications.FollowShopError = ex.Message;
            }
            return notifications;
        }
        catch
        {
            await notifications.DisposeAsync();
            throw;
        }
    }

    public bool TryGetArrival(string code, out long timestamp) => arrivals.TryGetValue(code, out timestamp);

    /// <summary>Waits until every code has arrived or the time is up; answers how many are still missing.</summary>
    public async Task<int> WaitForAsync(IReadOnlyCollection<string> codes, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var missing = codes.Count(c => !arrivals.ContainsKey(c));
        while (missing > 0 && Stopwatch.GetElapsedTime(started) < timeout && ClosedWith is null)
        {
            await Task.Delay(50);
            missing = codes.Count(c => !arrivals.ContainsKey(c));
        }
        return missing;
    }

    /// <summary>Waits until nothing has arrived for <paramref name="quiet"/>, so a repeat sent just after the original is still counted.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(Volatile.Read(ref lastReceipt)) < quiet && Stopwatch.GetElapsedTime(started) < timeout && ClosedWith is null)
        {
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    private void Arrived(JsonElement update)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref lastReceipt, now);
        var code = update.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        int? sequence = update.TryGetProperty("sequence", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
        var status = update.TryGetProperty("status", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        receipts.Enqueue(new(code, sequence, status));
        if (code is not null && status == "Placed")
        {
            arrivals.TryAdd(code, now);
        }
    }
}
