using System.Diagnostics;
using System.Globalization;
using System.Net;
using Market.Bench;
using Market.Tests.Support;

// How long the sign-in form takes to refuse an unknown account, a wrong password and a sign-in that must wait. They
// should look alike from outside; the harness fails when one kind's median is more than 1.5 times another's.
var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 150;
MachineInfo.PrintStart(Console.Out, "Mercado Cercano sign-in timing");
Console.WriteLine($"  settings       {rounds} rounds of each kind, the first 10 not counted");

await using var redis = await RedisServer.StartNewAsync();
await using var host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?>
{
    ["FORWARDEDHEADERS_ENABLED"] = "true",
});

var samples = new Dictionary<string, List<TimeSpan>> { ["unknown account"] = [], ["wrong password"] = [], ["waiting"] = [] };
var waitingAddress = "198.18.255.1";
for (var i = 0; i < 6; i++)
{
    await TryAsync(host, "tere@demo.sv", waitingAddress);
}
for (var i = 0; i < rounds; i++)
{
    // Each wrong password comes from its own address, so it is a real check and never a wait.
    var address = $"198.18.{i / 250}.{i % 250 + 1}";
    samples["unknown account"].Add(await TryAsync(host, $"nadie{i}@demo.sv", address));
    samples["wrong password"].Add(await TryAsync(host, "tere@demo.sv", address));
    samples["waiting"].Add(await TryAsync(host, "tere@demo.sv", waitingAddress));
}

var medians = new Dictionary<string, double>();
foreach (var (kind, sample) in samples)
{
    var latencies = new Latencies(sample.Skip(10));
    medians[kind] = latencies.Percentile(50);
    Console.WriteLine($"  {kind,-16} {latencies}");
}
var ratio = medians.Values.Max() / medians.Values.Min();
var ratioText = string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}");
Console.WriteLine($"  slowest median / fastest median: {ratioText}");
return MachineInfo.PrintEnd(Console.Out,
    ratio <= 1.5 ? [] : [$"the slowest kind's median is {ratioText} times the fastest's (at most 1.5): a refusal's time tells which kind it is"],
    "the three kinds' medians within 1.5 times of each other");

static async Task<TimeSpan> TryAsync(MarketHost host, string login, string address)
{
    using var client = host.CreateClient(new CookieContainer(), followRedirects: false);
    client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    var form = await client.GetStringAsync("/cuenta/ingresar");
    using var body = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Login"] = login,
        ["Password"] = "una contraseña equivocada",
        ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
    });
    var clock = Stopwatch.StartNew();
    using var response = await client.PostAsync("/cuenta/ingresar", body);
    await response.Content.ReadAsStringAsync();
    var elapsed = clock.Elapsed;
    return response.StatusCode == HttpStatusCode.BadRequest
        ? elapsed
        : throw new InvalidOperationException($"signing in as {login} from {address} answered {(int)response.StatusCode}, not 400");
}
