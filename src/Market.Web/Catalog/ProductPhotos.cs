using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Catalog;

public enum PhotoChange
{
    MakeMain,
    Remove,
}

/// <summary>Adds, promotes and removes the photos of one of the owner's products; at most five, the first is the main one.</summary>
public sealed class ProductPhotosHandler(MarketDbContext db, PhotoPipeline pipeline)
{
    public const int MaxPhotos = 5;

    /// <returns>Null when the product is not the owner's; otherwise the refusal key, or null key when stored.</returns>
    public async Task<(bool Found, string? RefusalKey)> AddAsync(string ownerId, int productId, Stream upload, CancellationToken ct)
    {
        var product = await OwnedAsync(ownerId, productId, ct);
        if (product is null)
        {
            return (false, null);
        }
        if (product.Photos.Count >= MaxPhotos)
        {
            return (true, "Photo.TooManyPhotos");
        }
        var result = await pipeline.ProcessAsync(upload, ct);
        if (!result.IsStored)
        {
            return (true, result.RefusalKey);
        }
        var photo = result.Photo;
        product.Photos.Add(new ProductPhoto
        {
            Position = product.Photos.Count,
            Hash = photo.Hash,
            ThumbWidth = photo.ThumbWidth,
            ThumbHeight = photo.ThumbHeight,
            LargeWidth = photo.LargeWidth,
            LargeHeight = photo.LargeHeight,
        });
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    public async Task<bool> ChangeAsync(string ownerId, int productId, int photoId, PhotoChange change, CancellationToken ct)
    {
        var product = await OwnedAsync(ownerId, productId, ct);
        var photo = product?.Photos.SingleOrDefault(p => p.Id == photoId);
        if (product is null || photo is null)
        {
            return false;
        }
        var ordered = product.Photos.OrderBy(p => p.Position).ToList();
        ordered.Remove(photo);
        if (change == PhotoChange.MakeMain)
        {
            ordered.Insert(0, photo);
        }
        else
        {
            // The renditions stay in the store: another product may share the same picture (same content, same name).
            db.ProductPhotos.Remove(photo);
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<Product?> OwnedAsync(string ownerId, int productId, CancellationToken ct) =>
        db.Products.Include(p => p.Photos).SingleOrDefaultAsync(p => p.Id == productId && p.Shop.OwnerId == ownerId, ct);
}
