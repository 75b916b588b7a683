using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.CatalogCsv;

/// <summary>
/// Runs queued catalog imports off the request thread. Every web node may run one: the claim in
/// <see cref="ImportCatalogHandler"/> makes sure each import is processed once.
/// </summary>
internal sealed class CatalogImportWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await timer.WaitForNextTickAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when there was a queued import, so the next one is looked for without waiting.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        try
        {
            var next = await db.CatalogImports.Where(i => i.Status == CatalogImportStatus.Queued)
                .OrderBy(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(stoppingToken);
            if (next is not { } id)
            {
                return false;
            }
            await scope.ServiceProvider.GetRequiredService<ImportCatalogHandler>().HandleAsync(new ImportCatalog(id), stoppingToken);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "A catalog import could not be processed");
            return false;
        }
    }
}
