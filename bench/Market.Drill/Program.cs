using System.Diagnostics;
using System.Globalization;
using Market.Bench;
using Market.Drill;
using Npgsql;
using StackExchange.Redis;
using static System.FormattableString;

// The fault drill against a running scripts/topology: checkouts through both web nodes for three shops (some racing for
// scarce stock, some over two shops), the resident on B and each shopkeeper following them, faults during the run; then,
// once the queue is drained and the clients caught up (bounded), what the clients were acknowledged is compared with
// PostgreSQL, the queue and what the live clients received.
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
// With fewer checkouts a raced product is wanted by too few to be sure to run out (see DrillCatalog.StartingStock).
var count = Math.Clamp(orders ?? (quick ? 60 : 300), 48, 100_000);
var duration = TimeSpan.FromSeconds(quick ? 15 : 60);
var faultPlan = quick ? Faults.Short : Faults.Long;
var settleTimeout = TimeSpan.FromSeconds(60);
var env = TopologyEnv.Read(dir);
var run = Guid.NewGuid().ToString("N")[..8];
void Say(string text) => Console.Error.WriteLine($"drill: {text}");
static string List(IReadOnlyList<string> items) => items.Count == 0 ? "" : $" ({string.Join(", ", items)})";

using var httpA = new HttpClient { BaseAddress = env.WebA, Timeout = TimeSpan.FromSeconds(15) };
using var httpB = new HttpClient { BaseAddress = env.WebB, Timeout = TimeSpan.FromSeconds(15) };
var catalog = await DrillCatalog.ReadAsync(httpA);
var plans = Enumerable.Range(0, count).Select(catalog.For).ToList();
var startingStock = catalog.StartingStock(plans);

await using var db = NpgsqlDataSource.Create(env.PgConnection);
await using var redis = await ConnectionMultiplexer.ConnectAsync(env.RedisConnection);
var spine = new Spine(db, redis, run);
await spine.SetStockAsync(startingStock);

// Each shop's owner signs in on A, steps its orders through A (never faulted, so a failed step is the app's) and follows
// its feed live on A or B.
var shopHttp = new Dictionary<int, HttpClient>();
var clients = new List<LiveClient>();
var handlers = new List<HttpClientHandler>();
try
{
    foreach (var (shopId, index) in catalog.Shops.Select((s, i) => (s, i)))
    {
        var cookies = await SignIn.AsShopkeeperAsync(env.WebA, $"tienda{shopId}@demo.sv", "Mercado2026!");
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        handlers.Add(handler);
        shopHttp[shopId] = new HttpClient(handler) { BaseAddress = env.WebA, Timeout = TimeSpan.FromSeconds(30) };
        var (nodeName, nodeUrl) = index % 2 == 0 ? ("A", env.WebA) : ("B", env.WebB);
        clients.Add(await LiveClient.ShopkeeperAsync($"shop {shopId} on {nodeName}", nodeUrl, cookies, shopId));
    }
    var resident = await LiveClient.ResidentAsync("resident on B", env.WebB);
    clients.Add(resident);

    var acked = new Acknowledged();
    var traffic = new Traffic(run, acked, [httpA, httpB], shopHttp, resident, Say);
    var runClock = new Stopwatch();
    var heldByKilledWorkers = new List<(Guid OrderId, int Sequence)>();
    var faults = new Faults(script, dir, duration, runClock, async pid =>
    {
        try
        {
            heldByKilledWorkers.AddRange(await spine.HeldByAsync(pid));
        }
        catch (RedisException ex)
        {
            // Then no repeated push is excused as a redelivery: the drill only gets stricter.
            Say($"could not read what the killed worker {pid} held: {ex.Message}");
        }
    });

    Say($"{count} checkouts over {duration.TotalSeconds:F0}s through {env.WebA} and {env.WebB}, shops {string.Join(", ", catalog.Shops)}; "
        + $"stock set: {string.Join(", ", startingStock.Select(s => $"product {s.Key} {s.Value}"))}");
    runClock.Start();
    var faultTask = faults.RunAsync(faultPlan);
    var work = new List<Task>(count);
    var interval = duration / count;
    foreach (var plan in plans)
    {
        var due = interval * plan.Number;
        if (due > runClock.Elapsed)
        {
            await Task.Delay(due - runClock.Elapsed);
        }
        work.Add(traffic.RunAsync(plan));
    }
    await Task.WhenAll(work);
    await faultTask;
    Say($"done in {runClock.Elapsed.TotalSeconds:F1}s; faults: {string.Join("; ", faults.Log)}");

    // Not a fixed pause: until every acknowledged event is stored and handled, the outbox and the stream are empty, nothing
    // is pending in the consumer group, and every client has what it should; bounded, and a timeout fails the drill.
    var waited = Stopwatch.StartNew();
    Stored stored;
    Figures figures;
    bool settled;
    while (true)
    {
        stored = await spine.ReadAsync([.. startingStock.Keys]);
        figures = Figures.Of(acked, stored, clients, startingStock, heldByKilledWorkers);
        settled = figures.Settled(stored);
        if (settled || waited.Elapsed > settleTimeout)
        {
            break;
        }
        await Task.Delay(500);
    }
    Say(settled
        ? $"caught up {waited.Elapsed.TotalSeconds:F1}s after the last answer"
        : $"NOT caught up after {settleTimeout.TotalSeconds:F0}s: outbox unpublished {stored.OutboxUnpublished}, queue "
          + (stored.Queue.Reachable ? $"pending {stored.Queue.Pending}, all read {stored.Queue.AllRead}" : "unreachable"));

    Say($"lost {figures.Lost}: acknowledged but not stored {figures.AckedMissingFromDatabase}, stored but never handled {figures.Unhandled}, "
        + $"sales missing from the ledger {figures.LedgerMissing}; dead-lettered {stored.Queue.DeadLettered}");
    Say($"duplicated {figures.Duplicated}: pushes received twice {figures.DuplicatePushes}, checkouts answered with other orders "
        + $"{figures.ConflictingAnswers}, ledger rows too many {figures.LedgerExtra}; stored but not acknowledged {figures.Unacknowledged}; "
        + $"pushes repeated for the {heldByKilledWorkers.Count} events the killed worker held {figures.RedeliveredPushes}");
    foreach (var (client, f) in clients.Zip(figures.Clients))
    {
        Say($"{f.Name}: {f.Expected} events expected, missed {f.Missed}, unexpected {f.Unexpected}, "
            + $"pushes twice {f.DuplicatePushes.Count}{List(f.DuplicatePushes)}, redelivered {f.RedeliveredPushes.Count}{List(f.RedeliveredPushes)}, "
            + $"reconnects {client.Reconnects}, resync hints {client.ResyncHints}, recovered by re-asking {client.Recovered}, "
            + $"re-ask failures {client.ResyncErrors}, closed: {client.ClosedWith ?? "no"}");
    }
    Say($"stock: {string.Join(", ", startingStock.Select(s => $"product {s.Key} {s.Value} -> {stored.Stock.GetValueOrDefault(s.Key)}"))}; "
        + $"refused for stock {acked.RefusedForStock}; steps confirmed by reading the order after a lost answer {traffic.ReadBack}");

    var failed = new List<string>();
    void Fail(bool condition, string why)
    {
        if (condition)
        {
            failed.Add(why);
        }
    }
    Fail(!settled, "not caught up in time");
    Fail(faults.Injected != faultPlan.Count, $"{faults.Injected} of {faultPlan.Count} faults injected");
    Fail(figures.Lost > 0, "lost");
    Fail(figures.Duplicated > 0, "duplicated");
    Fail(figures.Unacknowledged > 0, "stored but not acknowledged");
    Fail(figures.MissedByClients > 0, "events missed by clients");
    Fail(figures.UnexpectedAtClients > 0, "unexpected events at clients");
    Fail(traffic.PlacementErrors > 0, "placement errors");
    Fail(traffic.AdvanceErrors > 0, "advance errors");
    Fail(figures.StockBelowZero > 0, "stock below zero");
    Fail(figures.UnitsSold != figures.UnitsAccepted, "units sold differ from units accepted");
    // Without a refusal the race never reached the end of the stock, and the stock checks would prove nothing.
    Fail(acked.RefusedForStock == 0, "no checkout was refused for stock");
    Fail(figures.OrdersPlaced == 0, "no order placed");
    if (failed.Count > 0)
    {
        Say($"FAILED: {string.Join(", ", failed)}");
    }

    // The one line on stdout, for scripts: the original figures first, in their original order.
    Console.WriteLine("drill: " + string.Join(", ",
        Invariant($"orders placed {figures.OrdersPlaced}"),
        Invariant($"faults injected {faults.Injected}"),
        Invariant($"lost {figures.Lost}"),
        Invariant($"duplicated {figures.Duplicated}"),
        Invariant($"max queue lag {figures.MaxLagSeconds:F1}s"),
        Invariant($"events missed by clients {figures.MissedByClients}"),
        Invariant($"unacknowledged {figures.Unacknowledged}"),
        Invariant($"unexpected events at clients {figures.UnexpectedAtClients}"),
        Invariant($"redelivered after the worker crash {figures.RedeliveredPushes}"),
        Invariant($"refused for stock {acked.RefusedForStock}"),
        Invariant($"placement errors {traffic.PlacementErrors}"),
        Invariant($"advance errors {traffic.AdvanceErrors}"),
        Invariant($"stock below zero {figures.StockBelowZero}"),
        Invariant($"units sold {figures.UnitsSold} of {figures.UnitsAccepted} accepted"),
        settled ? Invariant($"caught up in {waited.Elapsed.TotalSeconds:F1}s") : Invariant($"not caught up in {settleTimeout.TotalSeconds:F0}s")));
    return failed.Count > 0 ? 1 : 0;
}
finally
{
    foreach (var client in clients)
    {
        await client.DisposeAsync();
    }
    foreach (var http in shopHttp.Values)
    {
        http.Dispose();
    }
    foreach (var handler in handlers)
    {
        handler.Dispose();
    }
}
