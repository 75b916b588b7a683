using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Catalog;

/// <summary>Creates a product in one of the owner's shops, or changes one of theirs; a new one may come with its photos.</summary>
public sealed record SaveProduct(string OwnerId, int ShopId, int? ProductId, ProductInput Input)
{
    public IReadOnlyList<Stream> NewPhotos { get; init; } = [];
}

public sealed record SaveProductResult(Product? Product, IReadOnlyList<(string Field, string MessageKey)> Problems, bool NotFound = false);

public sealed class SaveProductHandler(MarketDbContext db, PhotoPipeline pipeline)
{
    /// <summary>The form field of the new product's photos, which their problems are shown by.</summary>
    public const string Photos = "fotos";

    public async Task<SaveProductResult> HandleAsync(SaveProduct command, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == command.ShopId && s.OwnerId == command.OwnerId, ct))
        {
            return new(null, [], NotFound: true);
        }
        var product = command.ProductId is { } id
            ? await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.ShopId == command.ShopId, ct)
            : null;
        if (command.ProductId is not null && product is null)
        {
            return new(null, [], NotFound: true);
        }

        var problems = command.Input.Problems(out var price).ToList();
        if (!await db.Categories.AnyAsync(c => c.Id == command.Input.CategoryId, ct))
        {
            problems.Add((nameof(ProductInput.CategoryId), "Product.CategoryRequired"));
        }
        var sku = command.Input.Sku?.Trim();
        if (!string.IsNullOrEmpty(sku)
            && await db.Products.AnyAsync(p => p.ShopId == command.ShopId && p.Sku == sku && p.Id != (command.ProductId ?? 0), ct))
        {
            problems.Add((nameof(ProductInput.Sku), "Product.SkuTaken"));
        }
        if (problems.Count > 0)
        {
            return new(null, problems);
        }
        // Every photo is checked before any is stored, so a refused one leaves nothing behind, product included.
        if (command.NewPhotos.Count > ProductPhotosHandler.MaxPhotos)
        {
            return new(null, [(Photos, "Catalog.TooManyNewPhotos")]);
        }
        var prepared = new List<PreparedPhoto>();
        foreach (var upload in command.NewPhotos)
        {
            var photo = await pipeline.PrepareAsync(upload, ct);
            if (!photo.IsReady)
            {
                return new(null, [(Photos, photo.RefusalKey!)]);
            }
            prepared.Add(photo);
        }

        if (product is null)
        {
            product = new Product { ShopId = command.ShopId, Name = "", Unit = "" };
            db.Products.Add(product);
        }
        command.Input.ApplyTo(product, price);
        foreach (var photo in prepared)
        {
            var stored = await pipeline.StoreAsync(photo, ct);
            product.Photos.Add(new ProductPhoto
            {
                Position = product.Photos.Count,
                Hash = stored.Hash,
                ThumbWidth = stored.ThumbWidth,
                ThumbHeight = stored.ThumbHeight,
                LargeWidth = stored.LargeWidth,
                LargeHeight = stored.LargeHeight,
            });
        }
        await db.SaveChangesAsync(ct);
        return new(product, []);
    }
}
