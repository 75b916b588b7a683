using Market.Core;
using Market.Core.Catalog.Csv;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.CatalogCsv;

/// <summary>Writes one shop's whole catalog as the CSV a shopkeeper edits and imports again.</summary>
public sealed record ExportCatalog(int ShopId, string ShopName);

public sealed record CatalogFile(string FileName, byte[] Content);

public sealed class ExportCatalogHandler(MarketDbContext db)
{
    public async Task<CatalogFile> HandleAsync(ExportCatalog command, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Include(p => p.Category)
            .Where(p => p.ShopId == command.ShopId).ToListAsync(ct);
        var lines = products.OrderBy(p => p.Name, SpanishOrder.Names).ThenBy(p => p.Id).Select(CatalogLine.From);
        return new CatalogFile(CatalogCsvFormat.FileName(command.ShopName), CatalogCsvFormat.Write(lines));
    }
}
