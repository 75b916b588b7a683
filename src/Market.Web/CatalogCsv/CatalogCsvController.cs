using System.Security.Claims;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Catalog.Csv;
using Market.Core.Data;
using Market.Web.Transfer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.CatalogCsv;

/// <summary>
/// Catalog export and import for the shopkeeper's own shops. An upload is only stored here; the
/// <see cref="CatalogImportWorker"/> does the work and this page follows its progress.
/// </summary>
[Authorize(Roles = Roles.Shopkeeper)]
public sealed class CatalogCsvController(MarketDbContext db, ExportCatalogHandler export, ImportProgress progress, TimeProvider clock) : Controller
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Room for the form around the file, so a file a little over the limit still gets a clear message.</summary>
    private const int MaxRequestBytes = 4 * 1024 * 1024;

    private const int MaxFileName = 200;
    private const int RecentImports = 5;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/tienda/catalogo/csv")]
    public async Task<IActionResult> Export(int? tienda, CancellationToken ct)
    {
        if (await MyShopAsync(tienda, ct) is not { } shop)
        {
            return NoShop(tienda);
        }
        var file = await export.HandleAsync(new ExportCatalog(shop.Id, shop.Name), ct);
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    [HttpGet("/tienda/catalogo/importar")]
    public async Task<IActionResult> Index(int? tienda, CancellationToken ct) =>
        await MyShopAsync(tienda, ct) is { } shop ? await UploadPageAsync(shop, null, ct) : NoShop(tienda);

    [HttpPost("/tienda/catalogo/importar")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Upload(int? tienda, IFormFile? archivo, CancellationToken ct)
    {
        if (await MyShopAsync(tienda, ct) is not { } shop)
        {
            return NoShop(tienda);
        }
        var problem = archivo switch
        {
            null or { Length: 0 } => "CatalogCsv.ChooseFile",
            { Length: > MaxFileBytes } => "CatalogCsv.TooLarge",
            _ when !Path.GetExtension(archivo.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) => "CatalogCsv.NotCsv",
            _ => null,
        };
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await UploadPageAsync(shop, problem, ct);
        }

        var content = new byte[archivo!.Length];
        await using (var stream = archivo.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        var fileName = Path.GetFileName(archivo.FileName);
        var import = new CatalogImport
        {
            Id = Guid.NewGuid(),
            ShopId = shop.Id,
            FileName = fileName.Length <= MaxFileName ? fileName : fileName[..MaxFileName],
            Status = CatalogImportStatus.Queued,
            Content = content,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CatalogImports.Add(import);
        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/tienda/catalogo/importar/{import.Id}");
    }

    [HttpGet("/tienda/catalogo/importar/{id:guid}")]
    public async Task<IActionResult> Import(Guid id, CancellationToken ct) =>
        await MyImportAsync(id, ct) is { } import ? View(new ImportPage(import, await CategoriesAsync(ct))) : NotFound();

    [HttpGet("/tienda/catalogo/importar/{id:guid}/estado")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [Compressible]
    public async Task<IActionResult> State(Guid id, CancellationToken ct) =>
        await MyImportAsync(id, ct) is { } i
            ? Json(new ImportState(i.Status.ToString(), i.Processed, i.Saved, i.Total, i.Finished, i.Created, i.Updated))
            : NotFound();

    /// <summary>The asked-for shop if it is the user's, else none; with no shop asked for, the user's first.</summary>
    private Task<ShopRef?> MyShopAsync(int? tienda, CancellationToken ct) =>
        db.Shops.Where(s => s.OwnerId == Me && (tienda == null || s.Id == tienda)).OrderBy(s => s.Name)
            .Select(s => new ShopRef(s.Id, s.Name)).FirstOrDefaultAsync(ct);

    /// <summary>Another's shop is not found rather than forbidden: its id tells nobody anything. No shop at all: the catalog says how to start.</summary>
    private IActionResult NoShop(int? tienda) => tienda is null ? LocalRedirect("/tienda/catalogo") : NotFound();

    private async Task<ImportView?> MyImportAsync(Guid id, CancellationToken ct)
    {
        var row = await db.CatalogImports.AsNoTracking()
            .Where(i => i.Id == id)
            .Join(db.Shops.Where(s => s.OwnerId == Me), i => i.ShopId, s => s.Id, (i, s) => new
            {
                i.Id, Shop = new ShopRef(s.Id, s.Name), i.FileName, i.Status, i.TotalRows, i.ProcessedRows,
                i.Created, i.Updated, i.CreatedAt, i.ErrorsJson,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var saved = row.Status switch
        {
            CatalogImportStatus.Applied => row.TotalRows,
            CatalogImportStatus.Running => await progress.SavedAsync(row.Id),
            _ => 0,
        };
        return new ImportView(row.Id, row.Shop, row.FileName, row.Status, row.TotalRows, row.ProcessedRows,
            row.Created, row.Updated, row.CreatedAt, CsvProblem.FromJson(row.ErrorsJson)) { Saved = saved };
    }

    private async Task<IActionResult> UploadPageAsync(ShopRef shop, string? problemKey, CancellationToken ct)
    {
        var recent = await db.CatalogImports.AsNoTracking().Where(i => i.ShopId == shop.Id)
            .OrderByDescending(i => i.CreatedAt).Take(RecentImports)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.Status, i.CreatedAt)).ToListAsync(ct);
        return View("Index", new UploadPage(shop, await CategoriesAsync(ct), recent, problemKey));
    }

    private async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken ct) =>
        [.. (await db.Categories.Select(c => c.Name).ToListAsync(ct)).Order(SpanishOrder.Names)];
}
