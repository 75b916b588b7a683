using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Market.Bench;
using Market.Tests.Support;

// A shopkeeper's CSV import of many rows: how soon the upload answers and how long the import takes in the background,
// through the real form and the state endpoint the import page polls. Fails when the import is not applied whole.
var rows = args.Length > 1 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
MachineInfo.PrintStart(Console.Out, "Mercado Cercano catalog import");
Console.WriteLine($"  settings       {rows} new products in one file, SQLite");

await using var redis = await RedisServer.StartNewAsync();
await using var host = await MarketHost.StartAsync(redis);
var (tere, _) = await host.SignInAsync("tere@demo.sv");
var shop = (await tere.GetStringAsync("/tienda/catalogo")).Split("tienda=")[1].Split('"', '&', '#')[0];
var csv = new StringBuilder("sku,nombre,descripcion,categoria,unidad,precio,existencias,activo,local\r\n");
for (var i = 1; i <= rows; i++)
{
    csv.Append(CultureInfo.InvariantCulture, $"IMP-{i:000000},Producto {i},Descripción {i},Canasta básica,unidad,{i % 50 + 1}.{i % 100:00},{i % 7},si,no\r\n");
}

var page = await tere.GetStringAsync($"/tienda/catalogo/importar?tienda={shop}");
using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
using var form = new MultipartFormDataContent
{
    { new StringContent(shop), "tienda" },
    { new StringContent(MarketHost.AntiforgeryToken(page)), "__RequestVerificationToken" },
    { file, "archivo", "catalogo.csv" },
};
var clock = Stopwatch.StartNew();
using var uploaded = await tere.PostAsync("/tienda/catalogo/importar", form);
var answered = clock.Elapsed;
if (uploaded.StatusCode != HttpStatusCode.Redirect || uploaded.Headers.Location is not { } importPage)
{
    return MachineInfo.PrintEnd(Console.Out, [$"the upload answered {(int)uploaded.StatusCode}, not a redirect to the import's page"], "");
}
ImportState state;
var polls = 0;
do
{
    await Task.Delay(50);
    polls++;
    state = (await tere.GetFromJsonAsync<ImportState>(importPage + "/estado"))!;
}
while (!state.Finished && clock.Elapsed < TimeSpan.FromMinutes(5));
var finished = clock.Elapsed;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  upload         answered in {answered.TotalMilliseconds:0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  import         {state.Status} after {finished.TotalSeconds:0.00} s ({state.Created / Math.Max(finished.TotalSeconds, 0.001):0} rows/s), {polls} polls"));
return MachineInfo.PrintEnd(Console.Out,
    state.Status == "Applied" && state.Created == rows ? [] : [$"the import ended {state.Status} with {state.Created} of {rows} products created"],
    $"all {rows} products created");

internal sealed record ImportState(string Status, int Processed, int Total, bool Finished, int Created, int Updated);
