using Market.Core.Data;
using Market.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Market.Web.Storefront;

/// <summary>An active product as the storefront lists it, with its relevance tier for the words.</summary>
public sealed record ProductMatch(ProductCard Card, int Tier);

/// <summary>The matches of some words by shop, each shop's in page order: best tier, then name.</summary>
public sealed record ShopMatches(IReadOnlyDictionary<int, ProductMatch[]> ByShop);

/// <summary>
/// The active products as cards, and which of them match some words. Neither depends on where the resident is,
/// and residents all over the city ask for the same few words: both are kept for one cache period, so a request
/// from a place nobody asked for before is filtered and ordered by distance in memory, without a query.
/// </summary>
public sealed class ProductMatches : IDisposable
{
    // Counted in matches, some 40 bytes each beside the cards the catalog holds anyway: a few tens of MB at most.
    private const int MaxKept = 700_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeSpan period;
    private readonly TimeProvider clock;
    private readonly KeptAnswer<Catalog> catalog;
    private readonly MemoryCache words = new(new MemoryCacheOptions { SizeLimit = MaxKept });
    private int generation;

    public ProductMatches(IServiceScopeFactory scopes, IOptions<StorefrontCacheOptions> options, TimeProvider clock)
    {
        (this.scopes, period, this.clock) = (scopes, options.Value.Duration, clock);
        catalog = new KeptAnswer<Catalog>(ReadCatalogAsync, period, clock);
    }

    private sealed record Catalog(ShopMatches Everything, IReadOnlyDictionary<int, ProductMatch> ById);

    public async Task<ShopMatches> ForAsync(SearchTerms terms)
    {
        if (terms.IsEmpty)
        {
            return (await catalog.GetAsync()).Everything;
        }
        var key = string.Join(' ', terms.Stems);
        var answer = words.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Idle;
            return Keep(key, terms);
        })!;
        return await answer.GetAsync();
    }

    private KeptAnswer<ShopMatches> Keep(string key, SearchTerms terms)
    {
        KeptAnswer<ShopMatches>? answer = null;
        var created = Volatile.Read(ref generation);
        answer = new(async ct =>
        {
            List<SearchHit> hits;
            await using (var scope = scopes.CreateAsyncScope())
            {
                hits = await scope.ServiceProvider.GetRequiredService<MarketDbContext>().Search(terms).ToListAsync(ct);
            }
            var products = (await catalog.GetAsync()).ById;
            // A hit that is not in the catalog is a product switched off (or a shop closed).
            var matches = ByShop(hits.Where(h => products.ContainsKey(h.ProductId)).Select(h => products[h.ProductId] with { Tier = h.Tier }));
            // Weighed by what it holds, so that the cache's limit bounds memory; one answer over the limit is not kept.
            // An answer made before the catalog changed is not put back.
            if (Volatile.Read(ref generation) == created)
            {
                words.Set(key, answer!, new MemoryCacheEntryOptions { Size = Math.Max(1, hits.Count), SlidingExpiration = Idle });
            }
            return matches;
        }, period, clock);
        return answer;
    }

    private async Task<Catalog> ReadCatalogAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var cards = await StorefrontController.Cards(StorefrontController.Visible(db.Products.AsNoTracking())).ToListAsync(ct);
        var all = cards.Select(c => new ProductMatch(c, 0)).ToList();
        return new Catalog(ByShop(all), all.ToDictionary(m => m.Card.Id));
    }

    private static ShopMatches ByShop(IEnumerable<ProductMatch> matches) =>
        new(matches.GroupBy(m => m.Card.ShopId).ToDictionary(g => g.Key,
            g => g.OrderBy(m => m.Tier).ThenBy(m => m.Card.Name, StringComparer.Ordinal).ThenBy(m => m.Card.Id).ToArray()));

    /// <summary>The catalog changed: every kept answer is dropped.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref generation);
        catalog.Forget();
        words.Clear();
    }

    public void Dispose() => words.Dispose();
}
