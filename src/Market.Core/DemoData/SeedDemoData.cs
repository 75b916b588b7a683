using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Market.Core.DemoData;

/// <summary>Fills an empty database with the demo territory, catalog and accounts; a database that has municipalities is left alone.</summary>
internal sealed class SeedDemoData(IServiceScopeFactory scopes, IOptions<SeedOptions> options, ILogger<SeedDemoData> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MarketDbContext>();
        if (await db.Municipalities.AnyAsync(cancellationToken))
        {
            await AddMissingNeighbourhoodsAsync(db, cancellationToken);
            return;
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();

        var catalog = DemoCatalog.Load();
        var shopkeepers = new List<AppUser>();
        foreach (var (row, shop) in catalog.Shops)
        {
            var owner = DemoAccounts.Shopkeeper(row);
            shop.OwnerId = owner.Id;
            shopkeepers.Add(owner);
        }

        // One transaction, which Identity's own saves join: a start that fails half-way leaves no
        // municipalities behind, so the next start seeds everything again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Municipalities.AddRange(catalog.MunicipalitiesByCode.Values);
        db.Neighbourhoods.AddRange(Neighbourhoods(catalog.MunicipalitiesByCode));
        db.Categories.AddRange(catalog.Categories);
        db.Shops.AddRange(catalog.Shops.Select(s => s.Shop));
        db.Products.AddRange(catalog.Products);
        if (options.Value.DemoPhotos)
        {
            await AddPhotosAsync(catalog, services.GetRequiredService<PhotoPipeline>(), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        var stalls = await DemoMarkets.AddAsync(db, catalog, ElSalvadorTime.Today(clock), clock.GetUtcNow(), cancellationToken);
        // Identity saves once or twice per account; without ~650 tracked catalog entities to scan each time, that is twice as fast.
        db.ChangeTracker.Clear();

        var accounts = new DemoAccounts(
            services.GetRequiredService<UserManager<AppUser>>(),
            services.GetRequiredService<RoleManager<IdentityRole>>(),
            services.GetRequiredService<IUserStore<AppUser>>());
        var accountCount = await accounts.CreateAllAsync(catalog, shopkeepers);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Seeded demo data: {Municipalities} municipalities, {Shops} shops, {Products} products, {Stalls} market stalls, {Accounts} accounts in {ElapsedMs:0} ms",
            catalog.MunicipalitiesByCode.Count, catalog.Shops.Count, catalog.Products.Count, stalls, accountCount,
            clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private static IEnumerable<Territory.Neighbourhood> Neighbourhoods(IReadOnlyDictionary<string, Territory.Municipality> municipalities) =>
        DemoFiles.Neighbourhoods().Where(n => municipalities.ContainsKey(n.MunicipalityCode)).Select(n => new Territory.Neighbourhood
        {
            Municipality = municipalities[n.MunicipalityCode],
            Name = n.Name,
            Latitude = n.Latitude,
            Longitude = n.Longitude,
        });

    /// <summary>A database seeded before neighbourhoods existed gets them on the next start.</summary>
    private static async Task AddMissingNeighbourhoodsAsync(MarketDbContext db, CancellationToken ct)
    {
        if (await db.Neighbourhoods.AnyAsync(ct))
        {
            return;
        }
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        db.Neighbourhoods.AddRange(Neighbourhoods(municipalities));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Through the same pipeline and store as an upload, so a first run looks like a real shop window: one
    /// illustration per product name (shops selling the same product share it) and a logo per shop, drawn on all cores.
    /// </summary>
    private static async Task AddPhotosAsync(DemoCatalog catalog, PhotoPipeline pipeline, CancellationToken ct)
    {
        var kinds = catalog.Products.Select(p => (p.Name, Category: p.Category.Name)).Distinct().ToList();
        var photos = new System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Category), PhotoRenditions>();
        var logos = new System.Collections.Concurrent.ConcurrentDictionary<Shop, string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(kinds, parallel, async (kind, token) =>
            photos[kind] = await pipeline.CreateDemoAsync(kind.Name, kind.Category, token));
        await Parallel.ForEachAsync(catalog.Shops.Select((shop, i) => (shop.Shop, i)), parallel, async (shop, token) =>
            logos[shop.Shop] = (await pipeline.CreateDemoLogoAsync(shop.Shop.Name, shop.i, token)).Hash);

        foreach (var product in catalog.Products)
        {
            var photo = photos[(product.Name, product.Category.Name)];
            product.Photos.Add(new ProductPhoto
            {
                Hash = photo.Hash,
                ThumbWidth = photo.ThumbWidth,
                ThumbHeight = photo.ThumbHeight,
                LargeWidth = photo.LargeWidth,
                LargeHeight = photo.LargeHeight,
            });
        }
        foreach (var (shop, logo) in logos)
        {
            shop.LogoHash = logo;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
