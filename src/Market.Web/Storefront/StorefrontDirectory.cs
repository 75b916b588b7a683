using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Market.Web.Storefront;

/// <summary>The active shops (with their hours) and the filter lists, as the storefront read them at one moment.</summary>
public sealed record DirectorySnapshot(IReadOnlyDictionary<int, Shop> Shops, IReadOnlyList<Option> Municipalities, IReadOnlyList<Option> Categories);

/// <summary>
/// Every storefront request needs where the active shops are and the filter lists: read once per cache period
/// instead of on every request. A shop approved or moved meanwhile shows up as late as a cached page would.
/// </summary>
public sealed class StorefrontDirectory(IServiceScopeFactory scopes, IOptions<StorefrontCacheOptions> options, TimeProvider clock)
{
    private readonly KeptAnswer<DirectorySnapshot> snapshot = new(ct => ReadAsync(scopes, ct), options.Value.Duration, clock);

    public Task<DirectorySnapshot> GetAsync() => snapshot.GetAsync();

    public void Forget() => snapshot.Forget();

    private static async Task<DirectorySnapshot> ReadAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var shops = await db.Shops.AsNoTracking().AsSplitQuery().Include(s => s.Municipality).Include(s => s.Hours)
            .Where(s => s.Status == ShopStatus.Active).ToDictionaryAsync(s => s.Id, ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new Option(m.Code, m.Name)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option(c.Slug, c.Name)).ToListAsync(ct);
        return new DirectorySnapshot(shops, municipalities, categories);
    }
}
