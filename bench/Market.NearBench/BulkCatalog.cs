using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.NearBench;

/// <summary>
/// Shops spread over discs of 3 km around each municipality's centre, each selling products drawn from the demo
/// catalog (names, units, categories, descriptions), so searches and listings meet realistic text and density.
/// Inserted through EF like any product, so the full-text triggers index them as they would in production.
/// </summary>
internal static class BulkCatalog
{
    private const double KmPerDegree = 111.32;

    public static async Task<(int Shops, int Products, TimeSpan Took)> EnsureAsync(MarketDbContext db, int shops, int products)
    {
        var started = DateTime.UtcNow;
        var existing = await db.Shops.CountAsync(s => s.Name.StartsWith("Bench "));
        if (existing >= shops)
        {
            return (existing, await db.Products.CountAsync(p => p.Shop.Name.StartsWith("Bench ")), TimeSpan.Zero);
        }
        var random = new Random(2026);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var templates = await db.Products.AsNoTracking()
            .Select(p => new { p.Name, p.Unit, p.CategoryId, p.Description, p.Price, p.IsLocal })
            .ToListAsync();
        templates = [.. templates.DistinctBy(t => (t.Name, t.Unit))];

        var perShop = products / shops;
        var extra = products % shops;
        for (var batch = 0; batch < shops; batch += 100)
        {
            for (var i = batch; i < Math.Min(shops, batch + 100); i++)
            {
                var m = municipalities[i % municipalities.Count];
                var angle = random.NextDouble() * 2 * Math.PI;
                var km = 3 * Math.Sqrt(random.NextDouble());
                var store = random.NextDouble() < 0.8;
                var shop = new Shop
                {
                    Name = $"Bench {(store ? "Tienda" : "Puesto")} {i + 1}",
                    Kind = store ? ShopKind.Store : ShopKind.MarketVendor,
                    MunicipalityId = m.Id,
                    Address = $"Calle {i % 40 + 1} #{i}",
                    Phone = $"+5032{i:D7}",
                    Latitude = m.Latitude + km * Math.Cos(angle) / KmPerDegree,
                    Longitude = m.Longitude + km * Math.Sin(angle) / (KmPerDegree * Math.Cos(m.Latitude * Math.PI / 180)),
                    OffersDelivery = store,
                    OffersPickup = true,
                    DeliveryRadiusKm = 1 + random.Next(4),
                    DeliveryFee = new Money(50 + 25 * random.Next(4)),
                    Hours = store
                        ? [.. Enumerable.Range(1, 6).Select(d => new OpeningHours((DayOfWeek)d, new TimeOnly(7, 0), new TimeOnly(19, 0)))]
                        : [new OpeningHours(DayOfWeek.Saturday, new TimeOnly(7, 0), new TimeOnly(14, 0)), new OpeningHours(DayOfWeek.Sunday, new TimeOnly(7, 0), new TimeOnly(14, 0))],
                };
                shop.Approve();
                db.Shops.Add(shop);
                foreach (var t in templates.OrderBy(_ => random.Next()).Take(perShop + (i < extra ? 1 : 0)))
                {
                    db.Products.Add(new Product
                    {
                        Shop = shop,
                        CategoryId = t.CategoryId,
                        Name = t.Name,
                        Unit = t.Unit,
                        Description = t.Description,
                        Price = new Money(Math.Max(5, t.Price.Cents + 5 * random.Next(-4, 5))),
                        IsLocal = t.IsLocal,
                        Stock = random.Next(0, 60),
                    });
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (shops, products, DateTime.UtcNow - started);
    }
}
