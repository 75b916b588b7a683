using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Nearby;
using Market.Core.Search;
using Market.Web.Nearby;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Storefront;

/// <summary>What the storefront is asked for: words, filters, and where the resident is (if they said).</summary>
public sealed record BrowseProducts(
    string? Text,
    string? Municipality,
    string? Category,
    bool DeliversToMe,
    bool Pickup,
    bool OpenNow,
    bool LocalOnly,
    Money? MinPrice,
    Money? MaxPrice,
    double RadiusKm,
    int Page,
    ResidentLocation? Location,
    bool AtNextMarket = false)
{
    /// <summary>Only these shops' products (the vendors of the next market day), whatever their own address.</summary>
    internal List<int>? OnlyShops { get; init; }
}

public sealed record ProductResults(IReadOnlyList<ProductCard> Products, int Total, IReadOnlyList<Option> NearbyCategories)
{
    /// <summary>With the market filter: the market day the list is for, or null when none is coming near.</summary>
    public NextMarket? NextMarket { get; init; }
}

/// <summary>
/// The product list: matches of the full-text index by relevance tier first, then the nearest shop first.
/// Near the resident it all happens in memory, on what the storefront keeps for a few seconds: the shops from the
/// directory (the domain decides distance, delivery zone and open-now) and the matches from ProductMatches.
/// </summary>
public sealed class BrowseProductsHandler(MarketDbContext db, TimeProvider clock, StorefrontDirectory directory, ProductMatches productMatches)
{
    public const int PageSize = 24;

    public async Task<ProductResults> HandleAsync(BrowseProducts query, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(query.Text);
        var shops = await directory.GetAsync();
        var scoped = query;
        NextMarket? market = null;
        if (query.AtNextMarket)
        {
            market = await NextMarket.FindAsync(db, query.Location, query.RadiusKm, query.Municipality, clock.GetUtcNow(), ct);
            // Vendors come to the market: where their own shop is registered does not limit them.
            scoped = query with { Location = null, Municipality = null, OnlyShops = [.. market?.VendorIds ?? []] };
        }
        var (page, total) = scoped.Location is { } here
            ? await NearAsync(scoped, terms, here, shops)
            : await AnywhereAsync(scoped, terms, shops, ct);
        page = await WithProximityAsync(page, query.Location, shops, ct);
        var suggestions = total == 0 ? await NearbyCategoriesAsync(query with { AtNextMarket = false }, ct) : [];
        return new ProductResults(page, total, suggestions) { NextMarket = market };
    }

    private async Task<(List<ProductCard>, int)> NearAsync(BrowseProducts query, SearchTerms terms, ResidentLocation here, DirectorySnapshot directory)
    {
        var matches = (await productMatches.ForAsync(terms)).ByShop;
        var nearestFirst = EligibleShops(query, here, directory)
            .Where(s => matches.ContainsKey(s.Key))
            .OrderBy(s => s.Value).ThenBy(s => s.Key)
            .Select(s => Filtered(query, matches[s.Key], directory.Shops[s.Key]))
            .ToList();
        // Best tier first, then the nearest shop; each shop's matches are already in tier and name order.
        int[] tiers = terms.IsEmpty ? [0] : [.. Enumerable.Range(0, SearchHit.Tiers)];
        List<ProductCard> page = [.. tiers.SelectMany(tier => nearestFirst.SelectMany(shop => shop.Where(m => m.Tier == tier)))
            .Skip((query.Page - 1) * PageSize).Take(PageSize).Select(m => m.Card)];
        return (page, nearestFirst.Sum(shop => shop.Length));
    }

    private static ProductMatch[] Filtered(BrowseProducts query, ProductMatch[] matches, Shop shop)
    {
        if ((!string.IsNullOrEmpty(query.Municipality) && shop.Municipality.Code != query.Municipality) || (query.Pickup && !shop.OffersPickup))
        {
            return [];
        }
        // Most requests filter no product: the shop's own array then serves as it is.
        return string.IsNullOrEmpty(query.Category) && !query.LocalOnly && query.MinPrice is null && query.MaxPrice is null
            ? matches
            : [.. matches.Where(m => (string.IsNullOrEmpty(query.Category) || m.Card.CategorySlug == query.Category)
                && (!query.LocalOnly || m.Card.IsLocal)
                && (query.MinPrice is not { } min || m.Card.Price >= min)
                && (query.MaxPrice is not { } max || m.Card.Price <= max))];
    }

    private async Task<(List<ProductCard>, int)> AnywhereAsync(BrowseProducts query, SearchTerms terms, DirectorySnapshot directory, CancellationToken ct)
    {
        var products = Filtered(query);
        var ranked = terms.IsEmpty
            ? products.Select(p => new { Product = p, Tier = 0 })
            : products.Join(db.Search(terms), p => p.Id, h => h.ProductId, (p, h) => new { Product = p, h.Tier });
        if (query.OpenNow)
        {
            var now = clock.GetUtcNow();
            List<int> open = [.. directory.Shops.Values.Where(s => s.IsOpenAt(now)).Select(s => s.Id)];
            ranked = ranked.Where(r => EF.Parameter(open).Contains(r.Product.ShopId));
        }
        var total = await ranked.CountAsync(ct);
        var page = await StorefrontController.Cards(ranked.OrderBy(r => r.Tier).ThenBy(r => r.Product.Name).ThenBy(r => r.Product.Id)
            .Select(r => r.Product).Skip((query.Page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return (page, total);
    }

    /// <summary>The shops in the radius that pass the shop filters, with their distance (the box first: it is cheaper).</summary>
    private Dictionary<int, double> EligibleShops(BrowseProducts query, ResidentLocation here, DirectorySnapshot directory)
    {
        var now = clock.GetUtcNow();
        var box = here.Point.Around(query.RadiusKm);
        return directory.Shops.Values
            .Where(s => s.Latitude >= box.MinLatitude && s.Latitude <= box.MaxLatitude && s.Longitude >= box.MinLongitude && s.Longitude <= box.MaxLongitude)
            .Select(s => (Shop: s, Km: new GeoPoint(s.Latitude, s.Longitude).DistanceKm(here.Point)))
            .Where(s => s.Km <= query.RadiusKm && (!query.DeliversToMe || s.Shop.DeliversTo(here.Point)) && (!query.OpenNow || s.Shop.IsOpenAt(now)))
            .ToDictionary(s => s.Shop.Id, s => s.Km);
    }

    /// <summary>The product-level filters, and the bounding box around the resident (for the suggestions of an empty list).</summary>
    private IQueryable<Product> Filtered(BrowseProducts query)
    {
        var products = StorefrontController.Visible(db.Products);
        if (!string.IsNullOrEmpty(query.Municipality))
        {
            products = products.Where(p => p.Shop.Municipality.Code == query.Municipality);
        }
        if (!string.IsNullOrEmpty(query.Category))
        {
            products = products.Where(p => p.Category.Slug == query.Category);
        }
        if (query.OnlyShops is { } only)
        {
            products = products.Where(p => EF.Parameter(only).Contains(p.ShopId));
        }
        if (query.LocalOnly)
        {
            products = products.Where(p => p.IsLocal);
        }
        if (query.MinPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }
        if (query.MaxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }
        if (query.Pickup)
        {
            products = products.Where(p => p.Shop.OffersPickup);
        }
        if (query.Location is { } here)
        {
            var box = here.Point.Around(query.RadiusKm);
            products = products.Where(p => p.Shop.Latitude >= box.MinLatitude && p.Shop.Latitude <= box.MaxLatitude
                && p.Shop.Longitude >= box.MinLongitude && p.Shop.Longitude <= box.MaxLongitude);
        }
        return products;
    }

    private async Task<List<ProductCard>> WithProximityAsync(List<ProductCard> page, ResidentLocation? here, DirectorySnapshot directory, CancellationToken ct)
    {
        // A shop approved since the directory was read is looked up on its own.
        List<int> missing = [.. page.Select(p => p.ShopId).Distinct().Where(id => !directory.Shops.ContainsKey(id))];
        var late = missing.Count == 0 ? [] : await db.Shops.AsNoTracking().Where(s => EF.Parameter(missing).Contains(s.Id)).Include(s => s.Hours).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        return [.. page.Select(card => card with { Near = Proximity.Of(directory.Shops.GetValueOrDefault(card.ShopId) ?? late[card.ShopId], here, now) })];
    }

    /// <summary>For an empty result: the categories with products in shops around the resident (or anywhere), most first.</summary>
    private async Task<IReadOnlyList<Option>> NearbyCategoriesAsync(BrowseProducts query, CancellationToken ct)
    {
        var around = Filtered(query with { Category = null, LocalOnly = false, MinPrice = null, MaxPrice = null, Pickup = false });
        return await around.GroupBy(p => new { p.Category.Slug, p.Category.Name })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name).Take(6)
            .Select(g => new Option(g.Key.Slug, g.Key.Name)).ToListAsync(ct);
    }
}
