using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Market.Bench;

/// <summary>The shopkeeper's live inbox: notes when the "Placed" event of each order code arrives.</summary>
internal sealed class PlacedNotifications : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> arrivals = new(StringComparer.Ordinal);
    private readonly HubConnection hub;
    private int duplicates;
    private int others;

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

    public int Duplicates => Volatile.Read(ref duplicates);

    /// <summary>Events that were not "Placed": nothing advances the orders, so this should stay 0.</summary>
    public int Others => Volatile.Read(ref others);

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

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    private void Arrived(JsonElement update)
    {
        var now = Stopwatch.GetTimestamp();
        if (update.GetProperty("status").GetString() != "Placed")
        {
            Interlocked.Increment(ref others);
        }
        else if (!arrivals.TryAdd(update.GetProperty("code").GetString()!, now))
        {
            Interlocked.Increment(ref duplicates);
        }
    }
}
