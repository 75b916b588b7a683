using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.E2e.MarketDays;

/// <summary>A new market vendor with a product, for the market journey.</summary>
internal static class MarketPeople
{
    public static async Task<(string Login, string Shop)> VendorWithProductAsync(MarketHost host, string municipalityCode, string shopName, string product)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var municipality = await db.Municipalities.SingleAsync(m => m.Code == municipalityCode);
        var login = await TestAccounts.CreateAsync(host, $"puesto.{Guid.NewGuid():N}@demo.sv", "Marta Guevara", Roles.Shopkeeper);
        var shop = new Shop
        {
            Name = shopName,
            Kind = ShopKind.MarketVendor,
            MunicipalityId = municipality.Id,
            Address = "Mercado Dueñas, puesto 12",
            Latitude = municipality.Latitude,
            Longitude = municipality.Longitude,
            Phone = "+50371112222",
            OffersPickup = true,
            OwnerId = await db.Users.Where(u => u.Email == login).Select(u => u.Id).SingleAsync(),
        };
        shop.Approve();
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        db.Products.Add(new Product
        {
            ShopId = shop.Id,
            CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
            Name = product,
            Unit = "libra",
            Price = new Money(250),
            Stock = 30,
        });
        await db.SaveChangesAsync();
        return (login, shopName);
    }
}
