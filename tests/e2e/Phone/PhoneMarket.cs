using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.E2e.Phone;

/// <summary>
/// The demo market with the data that breaks narrow layouts: a product name with no place to wrap, a very long address,
/// and that product with a gallery of three photos.
/// </summary>
public sealed class PhoneMarket : MarketBrowser
{
    public const string LongName = "Refrescoartesanaldemarañónconhieloraspadoylechecondensadaparallevar";
    public const string LongAddress = "Colonia Escalón, 79 Avenida Norte y Pasaje Los Almendros, casa número 4127-B, frente al parque de la colonia, "
        + "a la par de la farmacia, portón negro con timbre, tercera casa después del tanque de agua de ANDA";

    public int LongProductId { get; private set; }

    protected override async Task HostStartedAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var shop = await db.Shops.SingleAsync(s => s.Name == "Tienda Doña Tere");
        LongProductId = await db.Products.Where(p => p.ShopId == shop.Id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await db.Products.Where(p => p.Id == LongProductId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, LongName));
        await db.Shops.Where(s => s.Id == shop.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Address, LongAddress));
        var pipeline = scope.ServiceProvider.GetRequiredService<PhotoPipeline>();
        var product = await db.Products.Include(p => p.Photos).SingleAsync(p => p.Id == LongProductId);
        foreach (var view in new[] { "con hielo", "para llevar" })
        {
            var photo = await pipeline.CreateDemoAsync($"Refresco de marañón {view}", "bebidas");
            product.Photos.Add(new ProductPhoto
            {
                Position = product.Photos.Count,
                Hash = photo.Hash,
                ThumbWidth = photo.ThumbWidth,
                ThumbHeight = photo.ThumbHeight,
                LargeWidth = photo.LargeWidth,
                LargeHeight = photo.LargeHeight,
            });
        }
        await db.SaveChangesAsync();
    }
}
