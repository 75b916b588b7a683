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

/// <summary>Total is exact when TotalIsExact; otherwise "more than Total" (the nearest shops filled the page before all were counted).</summary>
public sealed record ProductResults(IReadOnlyList<ProductCard> Products, int Total, bool TotalIsExact, IReadOnlyList<Option> NearbyCategories)
{
    /// <summary>With the market filter: the market day the list is for, or null when none is coming near.</summary>
    public NextMarket? NextMarket { get; init; }
}

/// <summary>
/// The product list: matches of the full-text index by relevance tier first, then the nearest shop first.
/// Near the resident it works in two short steps instead of sorting every product in the radius: the shops in a
/// bounding box (the domain decides distance, delivery zone and open-now), one count of matching products per
/// (tier, shop), then only the products of the nearest shops that fill the page.
/// </summary>
public sealed class BrowseProductsHandler(MarketDbContext db, TimeProvider clock)
{
    public const int PageSize = 24;

    private sealed class Ranked
    {
        public required Product Product { get; init; }
        public int Tier { get; init; }
    }

    private sealed record Bucket(int Tier, int ShopId, int Count);

    public async Task<ProductResults> HandleAsync(BrowseProducts query, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(query.Text);
        var scoped = query;
        NextMarket? market = null;
        if (query.AtNextMarket)
        {
            market = await NextMarket.FindAsync(db, query.Location, query.RadiusKm, query.Municipality, clock.GetUtcNow(), ct);
            // Vendors come to the market: where their own shop is registered does not limit them.
            scoped = query with { Location = null, Municipality = null, OnlyShops = [.. market?.VendorIds ?? []] };
        }
        var (page, total, exact) = scoped.Location is { } here
            ? await NearAsync(scoped, terms, here, ct)
            : await AnywhereAsync(scoped, terms, ct);
        page = await WithProximityAsync(page, query.Location, ct);
        var suggestions = total == 0 ? await NearbyCategoriesAsync(query with { AtNextMarket = false }, ct) : [];
        return new ProductResults(page, total, exact, suggestions) { NextMarket = market };
    }

    private async Task<(List<ProductCard>, int, bool)> NearAsync(BrowseProducts query, SearchTerms terms, ResidentLocation here, CancellationToken ct)
    {
        var shops = await EligibleShopsAsync(query, here, ct);
        var ranked = RankedProducts(query, terms);
        var offset = (query.Page - 1) * PageSize;
        var (buckets, exact) = terms.IsEmpty
            ? await CountNearestAsync(ranked, shops, offset + PageSize + 1, ct)
            : (await CountAsync(ranked, ct), true);
        buckets = [.. buckets.Where(b => shops.ContainsKey(b.ShopId)).OrderBy(b => b.Tier).ThenBy(b => shops[b.ShopId]).ThenBy(b => b.ShopId)];
        var total = buckets.Sum(b => b.Count);
        List<Bucket> needed = [];
        var counted = 0;
        foreach (var bucket in buckets.TakeWhile(_ => counted < offset + PageSize))
        {
            needed.Add(bucket);
            counted += bucket.Count;
        }
        if (counted <= offset)
        {
            return ([], total, exact);
        }
        // Every product ordered before the end of this page is in these shops and tiers, so paging inside them is exact.
        // Id lists go as one JSON parameter (EF.Parameter): the SQL text is the same whatever the count, so it is cached.
        var ids = needed.Select(b => b.ShopId).Distinct().ToList();
        var maxTier = needed.Max(b => b.Tier);
        var (lat, lng, scale) = (here.Point.Latitude, here.Point.Longitude, here.Point.LongitudeScale);
        var page = await StorefrontController.Cards(ranked.Where(r => EF.Parameter(ids).Contains(r.Product.ShopId) && r.Tier <= maxTier)
                .OrderBy(r => r.Tier)
                .ThenBy(r => (r.Product.Shop.Latitude - lat) * (r.Product.Shop.Latitude - lat)
                    + (r.Product.Shop.Longitude - lng) * scale * ((r.Product.Shop.Longitude - lng) * scale))
                .ThenBy(r => r.Product.ShopId).ThenBy(r => r.Product.Name).ThenBy(r => r.Product.Id)
                .Select(r => r.Product).Skip(offset).Take(PageSize))
            .ToListAsync(ct);
        return (page, total, exact);
    }

    private static Task<List<Bucket>> CountAsync(IQueryable<Ranked> ranked, CancellationToken ct) =>
        ranked.GroupBy(r => new { r.Tier, r.Product.ShopId }).Select(g => new Bucket(g.Key.Tier, g.Key.ShopId, g.Count())).ToListAsync(ct);

    /// <summary>
    /// Without words every product has the same relevance, so the nearest shops alone decide a page: count shop by
    /// shop outwards, in growing batches, until the page and one more product are covered (or every shop is counted).
    /// </summary>
    private static async Task<(List<Bucket>, bool Exact)> CountNearestAsync(IQueryable<Ranked> ranked, Dictionary<int, double> shops, int enough, CancellationToken ct)
    {
        var nearestFirst = shops.OrderBy(s => s.Value).ThenBy(s => s.Key).Select(s => s.Key).ToList();
        List<Bucket> buckets = [];
        var counted = 0;
        for (int start = 0, size = 8; start < nearestFirst.Count; start += size, size *= 2)
        {
            if (counted >= enough)
            {
                return (buckets, false);
            }
            List<int> batch = [.. nearestFirst.Skip(start).Take(size)];
            var found = await CountAsync(ranked.Where(r => EF.Parameter(batch).Contains(r.Product.ShopId)), ct);
            buckets.AddRange(found);
            counted += found.Sum(b => b.Count);
        }
        return (buckets, true);
    }

    private async Task<(List<ProductCard>, int, bool)> AnywhereAsync(BrowseProducts query, SearchTerms terms, CancellationToken ct)
    {
        var ranked = RankedProducts(query, terms);
        if (query.OpenNow)
        {
            var shops = await db.Shops.AsNoTracking().Where(s => s.Status == ShopStatus.Active).Select(s => new { s.Id, s.Hours }).ToListAsync(ct);
            var now = clock.GetUtcNow();
            List<int> open = [.. shops.Where(s => OpenNow.IsOpen(s.Hours, now)).Select(s => s.Id)];
            ranked = ranked.Where(r => open.Contains(r.Product.ShopId));
        }
        var total = await ranked.CountAsync(ct);
        var page = await StorefrontController.Cards(ranked.OrderBy(r => r.Tier).ThenBy(r => r.Product.Name).ThenBy(r => r.Product.Id)
            .Select(r => r.Product).Skip((query.Page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return (page, total, true);
    }

    /// <summary>
    /// Shops in the radius that pass the shop filters, with their sort key: the flat-map distance the database
    /// also computes (same formula, same doubles), so buckets and product rows are ordered alike.
    /// </summary>
    private async Task<Dictionary<int, double>> EligibleShopsAsync(BrowseProducts query, ResidentLocation here, CancellationToken ct)
    {
        var box = here.Point.Around(query.RadiusKm);
        var shops = await db.Shops.AsNoTracking()
            .Where(s => s.Status == ShopStatus.Active && s.Latitude >= box.MinLatitude && s.Latitude <= box.MaxLatitude
                && s.Longitude >= box.MinLongitude && s.Longitude <= box.MaxLongitude)
            .Select(s => new { s.Id, s.Latitude, s.Longitude, s.OffersDelivery, s.DeliveryRadiusKm })
            .ToListAsync(ct);
        var near = shops.Where(s => new GeoPoint(s.Latitude, s.Longitude).DistanceKm(here.Point) <= query.RadiusKm
            && (!query.DeliversToMe || DeliveryZone.Reaches(s.OffersDelivery, new GeoPoint(s.Latitude, s.Longitude), s.DeliveryRadiusKm, here.Point)))
            .ToList();
        if (query.OpenNow)
        {
            List<int> ids = [.. near.Select(s => s.Id)];
            var hours = await db.Shops.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Hours }).ToDictionaryAsync(s => s.Id, s => s.Hours, ct);
            var now = clock.GetUtcNow();
            near = [.. near.Where(s => OpenNow.IsOpen(hours[s.Id], now))];
        }
        var (lat, lng, scale) = (here.Point.Latitude, here.Point.Longitude, here.Point.LongitudeScale);
        return near.ToDictionary(s => s.Id, s => (s.Latitude - lat) * (s.Latitude - lat) + (s.Longitude - lng) * scale * ((s.Longitude - lng) * scale));
    }

    private IQueryable<Ranked> RankedProducts(BrowseProducts query, SearchTerms terms)
    {
        var products = Filtered(query);
        return terms.IsEmpty
            ? products.Select(p => new Ranked { Product = p, Tier = 0 })
            : products.Join(db.Search(terms), p => p.Id, h => h.ProductId, (p, h) => new Ranked { Product = p, Tier = h.Tier });
    }

    /// <summary>The product-level filters, and the bounding box around the resident (the exact circle is the shops' step).</summary>
    private IQueryable<Product> Filtered(BrowseProducts query)
    {
        var products = db.Products.Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active);
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

    private async Task<List<ProductCard>> WithProximityAsync(List<ProductCard> page, ResidentLocation? here, CancellationToken ct)
    {
        var ids = page.Select(p => p.ShopId).Distinct().ToList();
        var shops = await db.Shops.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id)).Include(s => s.Hours).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        return [.. page.Select(card => card with { Near = Proximity.Of(shops[card.ShopId], here, now) })];
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
