using System.Globalization;
using Market.Bench;
using Market.Core.Data;
using Market.NearBench;
using Microsoft.EntityFrameworkCore;

NearBenchOptions options;
try
{
    options = NearBenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"Market.NearBench: {ex.Message}");
    Console.Error.WriteLine(NearBenchOptions.Usage);
    return 2;
}

MachineInfo.PrintStart(Console.Out, "Mercado Cercano near-me and search benchmark");
MarketDbContext db = options.Provider == DatabaseProvider.Postgres
    ? new PostgresMarketDbContext(new DbContextOptionsBuilder<PostgresMarketDbContext>().UseNpgsql(options.ConnectionString).Options, TimeProvider.System)
    : new SqliteMarketDbContext(new DbContextOptionsBuilder<SqliteMarketDbContext>().UseSqlite(options.ConnectionString).Options, TimeProvider.System);
(int Shops, int Products, TimeSpan Took) seeded;
List<(double Lat, double Lng)> places;
await using (db)
{
    seeded = await BulkCatalog.EnsureAsync(db, options.Shops, options.Products);
    places = [.. (await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Latitude, n.Longitude }).ToListAsync())
        .Select(n => (n.Latitude, n.Longitude))];
}
var totalShops = seeded.Shops;

string Near(int i)
{
    var (lat, lng) = places[i * 7919 % places.Count];
    return string.Create(CultureInfo.InvariantCulture, $"lat={lat:0.0000}&lng={lng:0.0000}");
}
// Somewhere within about 600 m of a colonia centre, never twice the same point (the app keeps four decimals):
// a resident who shared the browser's location, whose page no neighbour asked for before.
string NewPoint(int i)
{
    var (lat, lng) = places[i * 7919 % places.Count];
    var step = i / places.Count;
    return string.Create(CultureInfo.InvariantCulture, $"lat={lat + (step % 60 - 30) * 0.0001:0.0000}&lng={lng + (step / 60 % 60 - 30) * 0.0001:0.0000}");
}
string[] words = ["pina", "tortillas", "cafe", "queso", "pan dulce", "frijoles", "jabon", "leche", "pupusas", "mango"];

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(60),
};
static bool Listed(string body) => body.Contains("id=\"producto-", StringComparison.Ordinal);
static bool Found(string body) => body.Contains("resultados para", StringComparison.Ordinal);
var listing = await Load.RunAsync(http, "near-me listing", i => "/?" + Near(i), Listed, options.Requests, options.Warmup, options.Concurrency);
var search = await Load.RunAsync(http, "text search", i => $"/?q={Uri.EscapeDataString(words[i % words.Length])}&{Near(i)}", Found,
    options.Requests, options.Warmup, options.Concurrency);
// Distinct warm-up and measured points: nothing measured was asked for before.
var listingNew = await Load.RunAsync(http, "listing, new point", i => "/?" + NewPoint(i + 100_000), Listed, options.Requests, options.Warmup, options.Concurrency);
var searchNew = await Load.RunAsync(http, "search, new point", i => $"/?q={Uri.EscapeDataString(words[i % words.Length])}&{NewPoint(i + 200_000)}", Found,
    options.Requests, options.Warmup, options.Concurrency);
var ceiling = await Load.RunAsync(http, "static file", _ => "/css/site.css", b => b.Length > 1000,
    options.Requests, options.Warmup, options.Concurrency);

var all = new[] { listing, search, listingNew, searchNew, ceiling };
var o = Console.Out;
var inv = CultureInfo.InvariantCulture;
o.WriteLine(string.Create(inv, $"  app            {options.Url.OriginalString} on {options.Provider}; {totalShops} bench shops, {seeded.Products} bench products (+ demo data){(seeded.Took > TimeSpan.Zero ? $", seeded in {seeded.Took.TotalSeconds:0} s" : "")}"));
o.WriteLine($"  settings       {options.Requests} requests per scenario after {options.Warmup} warm-up, {options.Concurrency} concurrent clients, closed loop on loopback");
o.WriteLine("                 latency = request sent → last byte read by the client on the same machine (server time + loopback)");
o.WriteLine("                 listing and search: colonia centres (neighbours share a page); \"new point\": a point nobody asked for before");
foreach (var r in all)
{
    o.WriteLine(string.Create(inv, $"  {r.Name,-18} {r.Latency}   {r.PerSecond:0} req/s   {r.MeanBytes / 1024:0.0} KB/response   {r.Failed} failed{(r.FirstError is null ? "" : $" (first: {r.FirstError})")}"));
}
foreach (var r in new[] { listing, search, listingNew, searchNew })
{
    o.WriteLine(string.Create(inv, $"  vs ceiling     {r.Name}: p95 {r.Latency.Percentile(95) / ceiling.Latency.Percentile(95):0.0}× the static file's, {r.PerSecond / ceiling.PerSecond * 100:0.0} % of its req/s"));
}
return MachineInfo.PrintEnd(o, [.. all.Where(r => r.Failed > 0).Select(r => $"{r.Name}: {r.Failed} of {r.Failed + r.Requests} requests failed (first: {r.FirstError})")],
    "every request answered 200 with the expected page");
