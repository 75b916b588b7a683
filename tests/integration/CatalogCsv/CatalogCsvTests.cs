using System.Net;
using System.Text;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Catalog.Csv;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.CatalogCsv;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Market.Tests.Integration.CatalogCsv.CsvImports;

namespace Market.Tests.Integration.CatalogCsv;

/// <summary>
/// Catalog export and import through the real app: background processing, all-or-nothing, and only one's own
/// shop. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract class CatalogCsvTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private const string Tere = "tere@demo.sv";
    private const string Chepe = "chepe@demo.sv";

    /// <summary>The bulk import goes to a shop no other test here reads, so their counts stay small and exact.</summary>
    private const string Baker = "tienda3@demo.sv";

    private const string Script = "<script>alert(1)</script>";
    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    /// <summary>For a file name, which cannot hold the slash of a closing tag.</summary>
    private const string Tag = "<img src=x onerror=alert(1)>";
    private const string EncodedTag = "&lt;img src=x onerror=alert(1)&gt;";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task ExportEditImport_UpdatesPrices_AndCreatesTheNewSkus()
    {
        var shop = await ShopOfAsync(Host, Tere);
        await GiveEveryProductASkuAsync(shop.Id);
        var (tere, _) = await Host.SignInAsync(Tere);

        var export = await tere.GetAsync($"/tienda/catalogo/csv?tienda={shop.Id}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        export.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("catalogo-tienda-dona-tere.csv");
        var file = await export.Content.ReadAsByteArrayAsync();
        file.AsSpan().StartsWith(Encoding.UTF8.Preamble).ShouldBeTrue();
        var text = Encoding.UTF8.GetString(file.AsSpan(Encoding.UTF8.Preamble.Length));
        text.ShouldStartWith(Header + "\r\n");
        text.ShouldContain(",Lácteos,");

        var categories = await Checkout.QueryAsync(Host, db => db.Categories.AsNoTracking().ToListAsync());
        var exported = CatalogCsvCheck.Start(file, categories);
        exported.CheckNext(exported.TotalRows);
        exported.Problems.ShouldBeEmpty();
        var products = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().Where(p => p.ShopId == shop.Id).ToListAsync());
        exported.Lines.Count.ShouldBe(products.Count);
        var changed = exported.Lines[0];
        var run = Guid.NewGuid().ToString("N")[..6];
        var newOnes = new[]
        {
            changed with { Sku = $"NEW-{run}-1", Name = "Atol de elote", Price = new Money(150), Stock = null },
            changed with { Sku = $"NEW-{run}-2", Name = "Semita de piña", Price = new Money(75), Stock = 8 },
        };
        var edited = CatalogCsvFormat.Write([.. exported.Lines.Skip(1), changed with { Price = changed.Price + new Money(10) }, .. newOnes]);

        var page = await UploadAsync(tere, shop.Id, edited);
        var final = (await WaitAsync(tere, page))[^1];

        final.Status.ShouldBe(nameof(CatalogImportStatus.Applied));
        (final.Created, final.Updated, final.Total).ShouldBe((2, 1, products.Count + 2));
        var after = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().Where(p => p.ShopId == shop.Id).ToListAsync());
        after.Single(p => p.Sku == changed.Sku).Price.ShouldBe(changed.Price + new Money(10));
        after.Single(p => p.Sku == $"NEW-{run}-2").ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("Semita de piña"),
            p => p.Price.Cents.ShouldBe(75),
            p => p.Stock.ShouldBe(8));
        after.Count.ShouldBe(products.Count + 2);
        (await tere.GetStringAsync(page)).ShouldContain("Listo. Productos nuevos: 2 · actualizados: 1 · sin cambios: ");
        var importId = Guid.Parse(page.Split('/')[^1]);
        (await Checkout.QueryAsync(Host, db => db.CatalogImports.SingleAsync(i => i.Id == importId))).Content.ShouldBeNull();
    }

    [Fact]
    public async Task FileWithGoodAndBadRows_AppliesNothing_AndListsEveryBadLine()
    {
        var shop = await ShopOfAsync(Host, Tere);
        var category = await CategoryAsync(Host);
        var run = Guid.NewGuid().ToString("N")[..6];
        var before = await Checkout.QueryAsync(Host, db => db.Products.CountAsync(p => p.ShopId == shop.Id));
        var (tere, _) = await Host.SignInAsync(Tere);
        var file = Utf8(string.Join("\r\n",
            Header,
            $"OK-{run}-1,Pan francés,,{category.Name},bolsa,1.00,,si,no",
            $"BAD-{run}-1,Pan dulce,,{category.Name},bolsa,uno,,si,no",
            $"OK-{run}-2,Horchata,,{category.Slug},litro,0.75,10,si,no",
            $"BAD-{run}-2,Tornillos,,Ferretería,caja,2.00,,si,no",
            $"OK-{run}-1,Pan francés repetido,,{category.Name},bolsa,1.00,,si,no"));

        var page = await UploadAsync(tere, shop.Id, file);
        var final = (await WaitAsync(tere, page))[^1];

        final.Status.ShouldBe(nameof(CatalogImportStatus.Refused));
        (final.Created, final.Updated).ShouldBe((0, 0));
        var html = await tere.GetStringAsync(page);
        html.ShouldContain("No se cambió nada porque el archivo tiene errores");
        html.ShouldContain("<strong>Línea 3:</strong>");
        html.ShouldContain("«uno» no es un precio");
        html.ShouldContain("<strong>Línea 5:</strong>");
        html.ShouldContain("No existe la categoría «Ferretería»");
        html.ShouldContain("<strong>Línea 6:</strong>");
        html.ShouldContain($"El sku «OK-{run}-1» ya está en la línea 2");
        html.ShouldNotContain("Línea 2:");
        html.ShouldNotContain("Línea 4:");
        (await Checkout.QueryAsync(Host, db => db.Products.CountAsync(p => p.ShopId == shop.Id))).ShouldBe(before);
        (await Checkout.QueryAsync(Host, db => db.Products.AnyAsync(p => p.Sku!.StartsWith("OK-" + run)))).ShouldBeFalse();
    }

    /// <summary>How fast it runs is a benchmark's question, not a test's; here, what the shopkeeper sees: progress, then the summary.</summary>
    [Fact]
    public async Task FiveThousandRows_AreImportedInTheBackground_ShowingProgress_ThenTheSummary()
    {
        const int rows = 5_000;
        var shop = await ShopOfAsync(Host, Baker);
        var category = await CategoryAsync(Host);
        var run = Guid.NewGuid().ToString("N")[..6];
        var (baker, _) = await Host.SignInAsync(Baker);
        var file = Utf8(string.Join("\r\n", [Header, .. Enumerable.Range(1, rows).Select(i =>
            $"B-{run}-{i:00000},\"Producto {i}, de prueba\",Descripción del producto número {i},{category.Name},unidad,{i % 50 + 1}.{i % 100:00},{i % 7},si,{(i % 2 == 0 ? "si" : "no")}")]));

        var page = await UploadAsync(baker, shop.Id, file);
        var states = await WaitAsync(baker, page, TimeSpan.FromSeconds(60));

        var final = states[^1];
        final.Status.ShouldBe(nameof(CatalogImportStatus.Applied));
        (final.Created, final.Updated, final.Processed, final.Saved, final.Total).ShouldBe((rows, 0, rows, rows, rows));
        states.ShouldAllBe(s => s.Processed >= 0 && s.Processed <= rows && s.Saved >= 0 && s.Saved <= s.Processed);
        states.Select(s => s.Processed).ShouldBeInOrder(SortDirection.Ascending);
        states.Select(s => s.Saved).ShouldBeInOrder(SortDirection.Ascending);
        // Saved in batches of ProgressEvery rows: the page sees the saved rows grow, not jump from none to all.
        var savedBetween = states.Where(s => !s.Finished && s.Saved > 0 && s.Saved < rows).Select(s => s.Saved).Distinct().ToList();
        savedBetween.Count.ShouldBeGreaterThanOrEqualTo(2, $"saved rows seen while running: {string.Join(", ", states.Select(s => s.Saved).Distinct())}");
        savedBetween.ShouldAllBe(n => n % ImportCatalogHandler.ProgressEvery == 0);
        states[0].Finished.ShouldBeFalse();
        (await baker.GetStringAsync(page)).ShouldContain($"Listo. Productos nuevos: {rows} · actualizados: 0 · sin cambios: 0.");
        (await Checkout.QueryAsync(Host, db => db.Products.CountAsync(p => p.ShopId == shop.Id && p.Sku!.StartsWith("B-" + run)))).ShouldBe(rows);
    }

    [Fact]
    public async Task ImportClaimedByManyWorkersAtOnce_IsAppliedExactlyOnce()
    {
        var shop = await ShopOfAsync(Host, Baker);
        var category = await CategoryAsync(Host);
        var run = Guid.NewGuid().ToString("N")[..6];
        var import = new CatalogImport
        {
            Id = Guid.NewGuid(),
            ShopId = shop.Id,
            FileName = "carrera.csv",
            Status = CatalogImportStatus.Queued,
            Content = Utf8(string.Join("\r\n", [Header, .. Enumerable.Range(1, 50).Select(i => $"R-{run}-{i},Pan {i},,{category.Name},bolsa,1.00,,si,no")])),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await Checkout.QueryAsync(Host, db => { db.CatalogImports.Add(import); return db.SaveChangesAsync(); });

        // Four more workers besides the app's own, as if four more nodes polled at the same moment.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportCatalogHandler>().HandleAsync(new ImportCatalog(import.Id), CancellationToken.None);
        })));

        claims.Count(c => c).ShouldBeLessThanOrEqualTo(1);
        var (baker, _) = await Host.SignInAsync(Baker);
        var final = (await WaitAsync(baker, $"/tienda/catalogo/importar/{import.Id}"))[^1];
        (final.Status, final.Created).ShouldBe((nameof(CatalogImportStatus.Applied), 50));
        (await Checkout.QueryAsync(Host, db => db.Products.CountAsync(p => p.Sku!.StartsWith("R-" + run)))).ShouldBe(50);
    }

    [Fact]
    public async Task AnotherShopkeeper_CannotSeeTheImport_NorExportOrImportIntoTheShop()
    {
        var shop = await ShopOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var page = await UploadAsync(tere, shop.Id, Utf8(Header + "\r\n,sin sku,,x,unidad,1,,si,no"));
        await WaitAsync(tere, page);
        var imports = await Checkout.QueryAsync(Host, db => db.CatalogImports.CountAsync(i => i.ShopId == shop.Id));
        var (chepe, _) = await Host.SignInAsync(Chepe);
        var chepesShop = await ShopOfAsync(Host, Chepe);

        (await chepe.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chepe.GetAsync(page + "/estado")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chepe.GetAsync($"/tienda/catalogo/csv?tienda={shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chepe.GetAsync($"/tienda/catalogo/importar?tienda={shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var chepesPage = await chepe.GetStringAsync($"/tienda/catalogo/importar?tienda={chepesShop.Id}");
        var post = await chepe.PostAsync("/tienda/catalogo/importar", new MultipartFormDataContent
        {
            { new StringContent(shop.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "tienda" },
            { new StringContent(MarketHost.AntiforgeryToken(chepesPage)), "__RequestVerificationToken" },
            { new ByteArrayContent(Utf8(Header + "\r\nX-1,Intruso,,x,unidad,1,,si,no")), "archivo", "intruso.csv" },
        });
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Checkout.QueryAsync(Host, db => db.CatalogImports.CountAsync(i => i.ShopId == shop.Id))).ShouldBe(imports);

        var (resident, _) = await Host.SignInAsync("vecina@demo.sv");
        var denied = await resident.GetAsync($"/tienda/catalogo/csv?tienda={shop.Id}");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.AbsolutePath.ShouldBe("/cuenta/denegado");
        var anonymous = await Host.CreateClient(followRedirects: false).GetAsync(page + "/estado");
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/cuenta/ingresar");
    }

    [Fact]
    public async Task ScriptInAProductName_RoundTripsUnchanged_AndIsShownEncoded()
    {
        var shop = await ShopOfAsync(Host, Tere);
        var category = await CategoryAsync(Host);
        var sku = "XSS-" + Guid.NewGuid().ToString("N")[..6];
        await GiveEveryProductASkuAsync(shop.Id);
        var (tere, _) = await Host.SignInAsync(Tere);
        var created = await UploadAsync(tere, shop.Id, Utf8($"{Header}\r\n{sku},{Script},{Script},{category.Name},unidad,1.00,,si,no"));
        (await WaitAsync(tere, created))[^1].Created.ShouldBe(1);

        var exported = await tere.GetByteArrayAsync($"/tienda/catalogo/csv?tienda={shop.Id}");
        Encoding.UTF8.GetString(exported).ShouldContain($"{sku},{Script},{Script},");
        var reimported = await UploadAsync(tere, shop.Id, exported);
        (await WaitAsync(tere, reimported))[^1].Status.ShouldBe(nameof(CatalogImportStatus.Applied));
        var product = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().SingleAsync(p => p.ShopId == shop.Id && p.Sku == sku));
        (product.Name, product.Description).ShouldBe((Script, Script));

        var refused = await UploadAsync(tere, shop.Id, Utf8($"{Header}\r\n{sku},{Script},,{Script},unidad,1.00,,si,no"), $"{Tag}.csv");
        await WaitAsync(tere, refused);
        var result = await tere.GetStringAsync(refused);
        result.ShouldContain($"No existe la categoría «{EncodedScript}»");
        result.ShouldContain($"Importación de «{EncodedTag}.csv»");
        result.ShouldNotContain(Script);
        result.ShouldNotContain(Tag);
        var catalog = await tere.GetStringAsync($"/tienda/catalogo?tienda={shop.Id}");
        catalog.ShouldContain(EncodedScript);
        catalog.ShouldNotContain(Script);
    }

    [Theory]
    [InlineData("catalogo.xlsx", 100, "El archivo debe ser .csv")]
    [InlineData("catalogo.csv", 0, "Elige un archivo CSV.")]
    [InlineData("catalogo.csv", 2 * 1024 * 1024 + 1, "El archivo pesa más de 2 MB")]
    public async Task UploadThatIsNotASmallCsv_IsRefusedAtOnce_AndNothingIsQueued(string fileName, int bytes, string message)
    {
        var shop = await ShopOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var imports = await Checkout.QueryAsync(Host, db => db.CatalogImports.CountAsync(i => i.ShopId == shop.Id));

        var response = await PostAsync(tere, shop.Id, new byte[bytes], fileName);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await Checkout.QueryAsync(Host, db => db.CatalogImports.CountAsync(i => i.ShopId == shop.Id))).ShouldBe(imports);
    }

    private Task<int> GiveEveryProductASkuAsync(int shopId) =>
        Checkout.QueryAsync(Host, db => db.Products.Where(p => p.ShopId == shopId && p.Sku == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Sku, p => "T-" + p.Id)));
}

public sealed class SqliteCatalogCsvTests(SqliteSpine fixture) : CatalogCsvTests<SqliteSpine>(fixture);

public sealed class PostgresCatalogCsvTests(PostgresSpine fixture) : CatalogCsvTests<PostgresSpine>(fixture);
