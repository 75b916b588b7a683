using Market.Core.Catalog;
using Market.Core.Catalog.Csv;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.CatalogCsv;

/// <summary>
/// Processes one queued import: checks every row, then refuses the whole file or applies all of it in one
/// transaction, saved in batches so that the shopkeeper sees the saved rows grow. Products are matched by SKU within
/// the shop: a known SKU is updated, a new one created.
/// </summary>
public sealed record ImportCatalog(Guid ImportId);

public sealed class ImportCatalogHandler(MarketDbContext db, ImportProgress progress, TimeProvider clock)
{
    /// <summary>Rows checked, and rows saved, between two progress writes.</summary>
    public const int ProgressEvery = 200;

    /// <summary>False when the import was not queued any more: another node took it first.</summary>
    public async Task<bool> HandleAsync(ImportCatalog command, CancellationToken ct)
    {
        var id = command.ImportId;
        // The conditional update is the claim: of several workers, exactly one sees a row changed.
        var claimed = await db.CatalogImports.Where(i => i.Id == id && i.Status == CatalogImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, CatalogImportStatus.Running), ct);
        if (claimed == 0)
        {
            return false;
        }
        try
        {
            await RunAsync(await db.CatalogImports.SingleAsync(i => i.Id == id, ct), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: nothing was applied, so the next worker may start it again.
            await RequeueAsync(id);
            throw;
        }
        catch
        {
            await FailAsync(id);
            throw;
        }
        return true;
    }

    private async Task RunAsync(CatalogImport import, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var check = CatalogCsvCheck.Start(import.Content, categories);
        await ProgressAsync(import.Id, check, ct);
        while (!check.Done)
        {
            check.CheckNext(ProgressEvery);
            await ProgressAsync(import.Id, check, ct);
        }

        import.TotalRows = check.TotalRows;
        import.ProcessedRows = check.Checked;
        import.Content = null;
        if (check.Problems.Count > 0)
        {
            import.Status = CatalogImportStatus.Refused;
            import.ErrorsJson = CsvProblem.ToJson(check.Problems);
            import.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return;
        }
        // One transaction: every product and the import's outcome, or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (import.Created, import.Updated) = await ApplyAsync(import, check.Lines, ct);
        import.Status = CatalogImportStatus.Applied;
        import.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<(int Created, int Updated)> ApplyAsync(CatalogImport import, IReadOnlyList<CatalogLine> lines, CancellationToken ct)
    {
        var bySku = await db.Products.Where(p => p.ShopId == import.ShopId && p.Sku != null)
            .ToDictionaryAsync(p => p.Sku!, StringComparer.Ordinal, ct);
        var (created, updated, saved) = (0, 0, 0);
        foreach (var batch in lines.Chunk(ProgressEvery))
        {
            foreach (var line in batch)
            {
                if (bySku.TryGetValue(line.Sku!, out var product))
                {
                    updated += line.ApplyTo(product) ? 1 : 0;
                    continue;
                }
                product = new Product { ShopId = import.ShopId, Name = line.Name, Unit = line.Unit };
                line.ApplyTo(product);
                db.Products.Add(product);
                created++;
            }
            await db.SaveChangesAsync(ct);
            saved += batch.Length;
            await progress.SavedAsync(import.Id, saved);
        }
        return (created, updated);
    }

    private Task<int> ProgressAsync(Guid id, CatalogCsvCheck check, CancellationToken ct) =>
        db.CatalogImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.TotalRows, check.TotalRows)
            .SetProperty(i => i.ProcessedRows, check.Checked), ct);

    private Task<int> RequeueAsync(Guid id) =>
        db.CatalogImports.Where(i => i.Id == id && i.Status == CatalogImportStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, CatalogImportStatus.Queued)
            .SetProperty(i => i.ProcessedRows, 0), CancellationToken.None);

    private Task<int> FailAsync(Guid id) =>
        db.CatalogImports.Where(i => i.Id == id && i.Status == CatalogImportStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, CatalogImportStatus.Failed)
            .SetProperty(i => i.Content, (byte[]?)null)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
}
