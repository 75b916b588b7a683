using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Market.Bench;

namespace Market.Drill;

/// <summary>
/// The drill's clients at work: checkouts through both web nodes (retried with the same Idempotency-Key on the other
/// node while one is down), the resident following some orders, and each shop's steps through its owner's sign-in.
/// Every 201 and 200 goes into <see cref="Acknowledged"/>; anything else that is not a retry is an error.
/// </summary>
internal sealed class Traffic(
    string run,
    Acknowledged acked,
    IReadOnlyList<HttpClient> nodes,
    IReadOnlyDictionary<int, HttpClient> shopkeepers,
    LiveClient resident,
    Action<string> say)
{
    private static readonly TimeSpan PlacementPatience = TimeSpan.FromSeconds(60);
    private int placementErrors;
    private int advanceErrors;
    private int readBack;

    /// <summary>Checkouts neither placed nor refused for stock, and double taps not answered with the first orders.</summary>
    public int PlacementErrors => Volatile.Read(ref placementErrors);

    /// <summary>Steps not acknowledged: refused, answered with an error, or never answered.</summary>
    public int AdvanceErrors => Volatile.Read(ref advanceErrors);

    /// <summary>Steps whose answer was lost in transit and that were found taken effect by reading the order.</summary>
    public int ReadBack => Volatile.Read(ref readBack);

    public async Task RunAsync(CheckoutPlan plan)
    {
        var orders = await PlaceAsync(plan, plan.Number, doubleTap: false);
        if (orders is null)
        {
            return;
        }
        // A double tap: the same checkout again, on the other node; it must answer with the same orders and make none.
        if (plan.DoubleTap && await PlaceAsync(plan, plan.Number + 1, doubleTap: true) is null)
        {
            Interlocked.Increment(ref placementErrors);
        }
        if (plan.Followed)
        {
            foreach (var order in orders)
            {
                await resident.FollowAsync(order.Code);
            }
        }
        await Task.WhenAll(orders.Select(o => StepsAsync(plan, o)));
    }

    private async Task<IReadOnlyList<CheckoutOrderDto>?> PlaceAsync(CheckoutPlan plan, int firstNode, bool doubleTap)
    {
        var n = plan.Number;
        var key = $"drill-{run}-{n}";
        var request = new PlaceOrderRequest(
            new CustomerDto($"Simulacro {run} {n}", $"+5036{n % 10_000_000:D7}"),
            [.. plan.LinesByShop.Values.SelectMany(lines => lines.Select(l => new CartLineDto(l.Key, l.Value)))],
            [.. plan.LinesByShop.Keys.Select(shopId => new ShopChoiceDto(shopId, "Pickup"))]);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < 40 && Stopwatch.GetElapsedTime(started) < PlacementPatience; attempt++)
        {
            var client = nodes[(firstNode + attempt) % nodes.Count];
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, "/api/pedidos") { Content = JsonContent.Create(request) };
                message.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(message);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var answer = await response.Content.ReadFromJsonAsync<CheckoutAnswerDto>()
                        ?? throw new InvalidOperationException($"checkout {n}: a 201 without a body");
                    acked.Placed(key, answer.Orders, plan.LinesByShop);
                    return answer.Orders;
                }
                if (response.StatusCode == HttpStatusCode.Conflict && plan.Kind == CheckoutKind.StockRace && !doubleTap)
                {
                    acked.Refused();
                    return null;
                }
                if ((int)response.StatusCode < 500)
                {
                    say($"checkout {n}{(doubleTap ? " (double tap)" : "")} on {client.BaseAddress}: {(int)response.StatusCode} "
                        + await response.Content.ReadAsStringAsync());
                    if (!doubleTap)
                    {
                        Interlocked.Increment(ref placementErrors);
                    }
                    return null;
                }
                // 5xx: the node is going down; try again.
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The node is restarting: try again.
            }
            await Task.Delay(500);
        }
        say($"checkout {n}{(doubleTap ? " (double tap)" : "")} could not be placed");
        if (!doubleTap)
        {
            Interlocked.Increment(ref placementErrors);
        }
        return null;
    }

    private async Task StepsAsync(CheckoutPlan plan, CheckoutOrderDto order)
    {
        foreach (var step in plan.Steps)
        {
            await Task.Delay(plan.StepPause);
            if (!await StepAsync(step.ByResident ? nodes[0] : shopkeepers[order.ShopId], order.Code, step))
            {
                Interlocked.Increment(ref advanceErrors);
                return;
            }
        }
    }

    private async Task<bool> StepAsync(HttpClient client, string code, PlannedStep step)
    {
        var firstSent = Stopwatch.GetTimestamp();
        var lostAnswer = false;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                // State changes are JSON only: a step without a reason sends {}.
                using var body = step.Reason is null ? JsonContent.Create(new { }) : JsonContent.Create(new { reason = step.Reason });
                using var response = await client.PostAsync(new Uri($"/api/pedidos/{code}/{step.Step}", UriKind.Relative), body);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<StepAnswerDto>()
                        ?? throw new InvalidOperationException($"step {step.Step} of {code}: a 200 without a body");
                    acked.Stepped(code, answer.Sequence, answer.Status, firstSent);
                    return true;
                }
                // After a try whose answer never came, a refusal may only mean that try took effect.
                if (lostAnswer && await ReadBackAsync(client, code, step, firstSent))
                {
                    return true;
                }
                say($"step {step.Step} of {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lostAnswer = true;
            }
            await Task.Delay(500);
        }
        say($"step {step.Step} of {code}: no answer in 5 tries");
        return false;
    }

    private async Task<bool> ReadBackAsync(HttpClient client, string code, PlannedStep step, long firstSent)
    {
        var events = await client.GetFromJsonAsync<List<UpdateDto>>(new Uri($"/api/pedidos/{code}", UriKind.Relative)) ?? [];
        if (events.LastOrDefault() is not { } last || last.Action != step.Step)
        {
            return false;
        }
        acked.Stepped(code, last.Sequence, last.Status, firstSent);
        Interlocked.Increment(ref readBack);
        return true;
    }
}
