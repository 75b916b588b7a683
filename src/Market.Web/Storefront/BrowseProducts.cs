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
    ResidentLocation? Location);

public sealed record ProductResults(IReadOnlyList<ProductCard> Products, int Total, IReadOnlyList<Option> NearbyCategories);

/// <summary>
/// The product list: matches of the full-text index first by relevance tier, then the nearest shops first.
/// Everything but "open now" runs in the database; distance there is a flat-map formula inside a bounding box
/// (same order as the haversine at city scale), the haversine gives the figure shown.
/// </summary>
public sealed class BrowseProductsHandler(MarketDbContext db, TimeProvider clock)
{
    public const int PageSize = 24;
    private const double KmPerDegree = 111.32;

    public async Task<ProductResults> HandleAsync(BrowseProducts query, CancellationToken ct)
    {
        var products = Filtered(query);
        if (query.OpenNow)
        {
            var open = await OpenShopIdsAsync(query, ct);
            products = products.Where(p => open.Contains(p.ShopId));
        }
        var terms = SearchTerms.Parse(query.Text);
        var ranked = terms.IsEmpty
            ? products.Select(p => new { Product = p, Tier = 0 })
            : products.Join(db.Search(terms), p => p.Id, h => h.ProductId, (p, h) => new { Product = p, h.Tier });

        var total = await ranked.CountAsync(ct);
        var ordered = ranked.OrderBy(r => r.Tier);
        if (query.Location is { } here)
        {
            var (lat, lng, scale) = (here.Point.Latitude, here.Point.Longitude, here.Point.LongitudeScale);
            ordered = ordered.ThenBy(r => (r.Product.Shop.Latitude - lat) * (r.Product.Shop.Latitude - lat)
                + (r.Product.Shop.Longitude - lng) * scale * ((r.Product.Shop.Longitude - lng) * scale));
        }
        var page = await StorefrontController.Cards(ordered.ThenBy(r => r.Product.Name).ThenBy(r => r.Product.Id)
                .Select(r => r.Product).Skip((query.Page - 1) * PageSize).Take(PageSize))
            .ToListAsync(ct);
        page = await WithProximityAsync(page, query.Location, ct);
        var suggestions = total == 0 ? await NearbyCategoriesAsync(query, ct) : [];
        return new ProductResults(page, total, suggestions);
    }

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
            var (lat, lng, scale) = (here.Point.Latitude, here.Point.Longitude, here.Point.LongitudeScale);
            var box = here.Point.Around(query.RadiusKm);
            var radius = query.RadiusKm / KmPerDegree;
            products = products.Where(p => p.Shop.Latitude >= box.MinLatitude && p.Shop.Latitude <= box.MaxLatitude
                && p.Shop.Longitude >= box.MinLongitude && p.Shop.Longitude <= box.MaxLongitude
                && (p.Shop.Latitude - lat) * (p.Shop.Latitude - lat) + (p.Shop.Longitude - lng) * scale * ((p.Shop.Longitude - lng) * scale) <= radius * radius);
            if (query.DeliversToMe)
            {
                products = products.Where(p => p.Shop.OffersDelivery
                    && ((p.Shop.Latitude - lat) * (p.Shop.Latitude - lat) + (p.Shop.Longitude - lng) * scale * ((p.Shop.Longitude - lng) * scale)) * (KmPerDegree * KmPerDegree)
                        <= p.Shop.DeliveryRadiusKm * p.Shop.DeliveryRadiusKm);
            }
        }
        return products;
    }

    /// <summary>"Open now" is the domain's rule (OpenNow), applied to the shops the other filters can reach.</summary>
    private async Task<List<int>> OpenShopIdsAsync(BrowseProducts query, CancellationToken ct)
    {
        var shopIds = Filtered(query).Select(p => p.ShopId).Distinct();
        var shops = await db.Shops.AsNoTracking().Where(s => shopIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Hours }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. shops.Where(s => OpenNow.IsOpen(s.Hours, now)).Select(s => s.Id)];
    }

    private async Task<List<ProductCard>> WithProximityAsync(List<ProductCard> page, ResidentLocation? here, CancellationToken ct)
    {
        var ids = page.Select(p => p.ShopId).Distinct().ToList();
        var shops = await db.Shops.AsNoTracking().Where(s => ids.Contains(s.Id)).Include(s => s.Hours).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        return [.. page.Select(card => card with { Near = Proximity.Of(shops[card.ShopId], here, now) })];
    }

    /// <summary>For an empty result: the categories with products in shops around the resident (or anywhere), most first.</summary>
    private async Task<IReadOnlyList<Option>> NearbyCategoriesAsync(BrowseProducts query, CancellationToken ct)
    {
        var around = Filtered(query with { Category = null, LocalOnly = false, MinPrice = null, MaxPrice = null, DeliversToMe = false, Pickup = false });
        return await around.GroupBy(p => new { p.Category.Slug, p.Category.Name })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name).Take(6)
            .Select(g => new Option(g.Key.Slug, g.Key.Name)).ToListAsync(ct);
    }
}
