using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Market.Bench;
using Market.Drill;
using Npgsql;

// The fault drill against a running scripts/topology: orders through both web nodes, a resident on B and the
// shopkeeper on A following them, three faults during the run, then the checks from PostgreSQL and the clients.
//   dotnet Market.Drill.dll --dir DIR --topology scripts/topology [--orders 300] [--short]
string? dir = null;
string? script = null;
int? orders = null;
var quick = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--dir": dir = args[++i]; break;
        case "--topology": script = args[++i]; break;
        case "--orders": orders = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--short": quick = true; break;
        default: await Console.Error.WriteLineAsync($"drill: unknown option {args[i]}"); return 2;
    }
}
if (dir is null || script is null)
{
    await Console.Error.WriteLineAsync("usage: Market.Drill --dir DIR --topology SCRIPT [--orders N] [--short]");
    return 2;
}
var count = Math.Clamp(orders ?? (quick ? 60 : 300), 1, 100_000);
var duration = TimeSpan.FromSeconds(quick ? 15 : 30);
var env = TopologyEnv.Read(dir);
var nodes = new[] { env.WebA, env.WebB };
const int ShopId = 2;
var run = Guid.NewGuid().ToString("N")[..8];
void Say(string text) => Console.Error.WriteLine($"drill: {text}");

using var httpA = new HttpClient { BaseAddress = env.WebA, Timeout = TimeSpan.FromSeconds(15) };
using var httpB = new HttpClient { BaseAddress = env.WebB, Timeout = TimeSpan.FromSeconds(15) };
var http = new[] { httpA, httpB };
var products = (await httpA.GetFromJsonAsync<List<ProductDto>>($"/api/productos?tienda={ShopId}"))!
    .Where(p => p.Stock is null).Select(p => p.Id).ToList();
if (products.Count == 0)
{
    Say("shop 2 has no products without a stock limit");
    return 2;
}

var cookies = await SignIn.AsShopkeeperAsync(env.WebA, "tienda2@demo.sv", "Mercado2026!");
using var shopHandler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
using var shopHttp = new HttpClient(shopHandler) { BaseAddress = env.WebA, Timeout = TimeSpan.FromSeconds(15) };
await using var shopkeeper = await LiveClient.ShopkeeperAsync(env.WebA, cookies);
await using var resident = await LiveClient.ResidentAsync(env.WebB);

// Places order number n, retrying with the same Idempotency-Key (on the other node after a failure): bounded in tries and time.
async Task<string?> PlaceAsync(int n)
{
    var key = $"drill-{run}-{n}";
    var order = new PlaceOrderRequest(
        new CustomerDto($"Simulacro {run} {n}", $"+5036{n % 10_000_000:D7}"),
        [new CartLineDto(products[n % products.Count], 1 + n % 3)],
        [new ShopChoiceDto(ShopId, "Pickup")]);
    var started = Stopwatch.GetTimestamp();
    for (var attempt = 0; attempt < 40 && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60); attempt++)
    {
        var client = http[(n + attempt) % 2];
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pedidos") { Content = JsonContent.Create(order) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var placed = await response.Content.ReadFromJsonAsync<PlacedDto>();
                return placed!.Orders.Single().Code;
            }
            Say($"order {n} on {client.BaseAddress}: {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The node is restarting: try again.
        }
        await Task.Delay(500);
    }
    Say($"order {n} could not be placed");
    return null;
}

var advanceErrors = 0;
async Task AdvanceAsync(string code, string step)
{
    for (var attempt = 0; attempt < 10; attempt++)
    {
        try
        {
            // State changes are JSON only: a step without a reason sends {}.
            using var body = JsonContent.Create(new { });
            using var response = await shopHttp.PostAsync(new Uri($"/api/pedidos/{code}/{step}", UriKind.Relative), body);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // try again
        }
        await Task.Delay(500);
    }
    Interlocked.Increment(ref advanceErrors);
}

var codes = new string?[count];
async Task OneAsync(int n)
{
    var code = await PlaceAsync(n);
    codes[n] = code;
    if (code is null)
    {
        return;
    }
    if (n % 10 == 0)
    {
        // Followed orders go through several steps, a second apart, so their events cross the faults.
        await resident.FollowAsync(code);
        foreach (var step in new[] { "Accept", "StartPreparing", "MarkReady" })
        {
            await Task.Delay(1000);
            await AdvanceAsync(code, step);
        }
    }
    else if (n % 3 == 0)
    {
        await Task.Delay(200);
        await AdvanceAsync(code, "Accept");
        if (n % 2 == 0)
        {
            await AdvanceAsync(code, "StartPreparing");
        }
    }
}

var runClock = new Stopwatch();

// The faults, at a fifth, 45 % and 65 % of the run.
var faults = 0;
var faultLog = new List<string>();
async Task FaultsAsync()
{
    async Task Step(string name, params string[][] commands)
    {
        var sw = Stopwatch.StartNew();
        var ok = true;
        foreach (var c in commands)
        {
            ok &= await TopologyEnv.RunAsync(script, TimeSpan.FromSeconds(120), [c[0], dir, .. c[1..]]);
            if (c[0] == "kill-worker")
            {
                await Task.Delay(2000);
            }
        }
        if (ok)
        {
            Interlocked.Increment(ref faults);
        }
        lock (faultLog)
        {
            faultLog.Add($"{name} {(ok ? "ok" : "FAILED")} in {sw.Elapsed.TotalSeconds:F1}s");
        }
    }
    // At fixed points of the run (a step that takes long delays the next one, never the orders).
    async Task At(double fraction)
    {
        var due = duration * fraction - runClock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due);
        }
    }
    await At(0.2);
    await Step("kill -9 worker 1 + start", ["kill-worker", "1"], ["start-worker", "1"]);
    await At(0.45);
    await Step("restart redis-server", ["restart-redis"]);
    await At(0.65);
    await Step("restart web B", ["restart-web", "B"]);
}

Say($"placing {count} orders over {duration.TotalSeconds:F0}s through {env.WebA} and {env.WebB}");
runClock.Start();
var faultTask = FaultsAsync();
var work = new List<Task>(count);
var interval = duration / count;
for (var n = 0; n < count; n++)
{
    var due = interval * n;
    if (due > runClock.Elapsed)
    {
        await Task.Delay(due - runClock.Elapsed);
    }
    work.Add(OneAsync(n));
}
await Task.WhenAll(work);
await faultTask;
Say($"placed in {runClock.Elapsed.TotalSeconds:F1}s; faults: {string.Join("; ", faultLog)}");

var placed = codes.Where(c => c is not null).Select(c => c!).ToArray();
await using var db = NpgsqlDataSource.Create(env.PgConnection);

async Task<long> ScalarAsync(string sql)
{
    await using var command = db.CreateCommand(sql);
    command.Parameters.AddWithValue("codes", placed);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

const string Unhandled = """
    SELECT count(*) FROM "OrderEvents" e JOIN "Orders" o ON o."Id" = e."OrderId"
    LEFT JOIN "FulfilmentHandlings" h ON h."OrderId" = e."OrderId" AND h."Sequence" = e."Sequence"
    WHERE o."Code" = ANY(@codes) AND h."OrderId" IS NULL
    """;
var lost = await ScalarAsync(Unhandled);
var drain = Stopwatch.StartNew();
while (lost > 0 && drain.Elapsed < TimeSpan.FromSeconds(60))
{
    await Task.Delay(500);
    lost = await ScalarAsync(Unhandled);
}
Say($"queue drained in {drain.Elapsed.TotalSeconds:F1}s after the last order (unhandled now {lost})");

// Handling rows that are not one per event: more than one per (order, sequence), or without an event.
var duplicated = await ScalarAsync("""
    SELECT (SELECT count(*) FROM (SELECT 1 FROM "FulfilmentHandlings" h JOIN "Orders" o ON o."Id" = h."OrderId"
             WHERE o."Code" = ANY(@codes) GROUP BY h."OrderId", h."Sequence" HAVING count(*) > 1) d)
         + (SELECT count(*) FROM "FulfilmentHandlings" h JOIN "Orders" o ON o."Id" = h."OrderId"
             LEFT JOIN "OrderEvents" e ON e."OrderId" = h."OrderId" AND e."Sequence" = h."Sequence"
             WHERE o."Code" = ANY(@codes) AND e."Id" IS NULL)
    """);
// Orders created twice for one Idempotency-Key (a retried placement must answer with the first order).
await using (var command = db.CreateCommand("""
    SELECT count(*) - count(DISTINCT "IdempotencyKey") FROM "Orders" WHERE "IdempotencyKey" LIKE @prefix
    """))
{
    command.Parameters.AddWithValue("prefix", $"drill-{run}-%");
    duplicated += Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}
var negative = await ScalarAsync("""SELECT count(*) FROM "Products" WHERE "Stock" < 0 AND cardinality(@codes) >= 0""");
var lagSeconds = 0.0;
await using (var command = db.CreateCommand("""
    SELECT COALESCE(EXTRACT(EPOCH FROM max(h."HandledAt" - e."OccurredAt")), 0)::float8
    FROM "OrderEvents" e JOIN "Orders" o ON o."Id" = e."OrderId"
    JOIN "FulfilmentHandlings" h ON h."OrderId" = e."OrderId" AND h."Sequence" = e."Sequence"
    WHERE o."Code" = ANY(@codes)
    """))
{
    command.Parameters.AddWithValue("codes", placed);
    lagSeconds = (double)(await command.ExecuteScalarAsync())!;
}

// What each client should have: every event's sequence, per order.
var expected = new Dictionary<string, List<int>>(StringComparer.Ordinal);
await using (var command = db.CreateCommand("""
    SELECT o."Code", e."Sequence" FROM "OrderEvents" e JOIN "Orders" o ON o."Id" = e."OrderId" WHERE o."Code" = ANY(@codes)
    """))
{
    command.Parameters.AddWithValue("codes", placed);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        var code = reader.GetString(0);
        if (!expected.TryGetValue(code, out var list))
        {
            expected[code] = list = [];
        }
        list.Add(reader.GetInt32(1));
    }
}

int Missing(LiveClient client, IEnumerable<string> followedCodes) =>
    followedCodes.Sum(c => expected.TryGetValue(c, out var seqs) ? seqs.Count(s => !client.ReceivedFor(c).Contains(s)) : 0);

// Pushes still in flight after the drain. No final re-ask: what the clients hold now came from pushes and from the
// catch-ups the pages also make (on reconnect, on a gap, on the server's resync hint after a backplane outage).
await Task.Delay(TimeSpan.FromSeconds(3));
var followedCodes = resident.Followed;
var residentMissed = Missing(resident, followedCodes);
var shopMissed = Missing(shopkeeper, placed);
var missed = residentMissed + shopMissed;
Say($"resident on B: followed {followedCodes.Count} orders, {expected.Where(e => followedCodes.Contains(e.Key)).Sum(e => e.Value.Count)} events, "
    + $"missing {residentMissed}, reconnects {resident.Reconnects}, resync hints {resident.ResyncHints}, recovered by re-asking {resident.Recovered}, "
    + $"duplicate pushes dropped {resident.Duplicates}, re-ask failures {resident.ResyncErrors}, closed: {resident.ClosedWith ?? "no"}");
Say($"shopkeeper on A: {expected.Sum(e => e.Value.Count)} events of {placed.Length} orders, missing {shopMissed}, "
    + $"reconnects {shopkeeper.Reconnects}, resync hints {shopkeeper.ResyncHints}, recovered by re-asking {shopkeeper.Recovered}, "
    + $"duplicate pushes dropped {shopkeeper.Duplicates}; advance failures {advanceErrors}; products with negative stock {negative}");

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"drill: orders placed {placed.Length}, faults injected {faults}, lost {lost}, duplicated {duplicated}, max queue lag {lagSeconds:F1}s, events missed by clients {missed}"));
var failed = lost > 0 || duplicated > 0 || missed > 0 || negative > 0 || placed.Length != count || faults != 3;
return failed ? 1 : 0;
