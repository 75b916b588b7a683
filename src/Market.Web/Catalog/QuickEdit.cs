using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Catalog;

/// <summary>The phone list's one-tap change: price and stock of one of the owner's products, nothing else.</summary>
public sealed record QuickEdit(string OwnerId, int ProductId, string? Price, bool TracksStock, int? Stock);

public sealed class QuickEditHandler(MarketDbContext db)
{
    public async Task<(bool Found, string? Problem)> HandleAsync(QuickEdit command, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == command.ProductId && p.Shop.OwnerId == command.OwnerId, ct);
        if (product is null)
        {
            return (false, null);
        }
        if (!Money.TryParse(command.Price, out var price) || price <= Money.Zero)
        {
            return (true, "Product.PriceInvalid");
        }
        if (command.TracksStock && command.Stock is not (>= 0 and <= ProductInput.MaxStock))
        {
            return (true, "Product.StockInvalid");
        }
        product.Price = price;
        product.Stock = command.TracksStock ? command.Stock : null;
        await db.SaveChangesAsync(ct);
        return (true, null);
    }
}
