using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Orders.Checkout;

/// <summary>Checkout takes units off the shelf; an order that ends without reaching the resident puts them back.</summary>
public static class ReservedStock
{
    public static bool IsReleasedBy(OrderStatus status) => status is OrderStatus.Rejected or OrderStatus.Cancelled;

    /// <summary>
    /// Stores the order's final status and puts its units back in one transaction: a save that loses a race to
    /// another one (the order's version) returns nothing, so the units come back exactly once.
    /// </summary>
    public static async Task SaveReleasingAsync(MarketDbContext db, Order order, CancellationToken ct)
    {
        var items = db.Entry(order).Collection(o => o.Items);
        if (!items.IsLoaded)
        {
            await items.LoadAsync(ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var item in order.Items)
        {
            var quantity = item.Quantity;
            await db.Products.Where(p => p.Id == item.ProductId && p.Stock != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + quantity), ct);
        }
        await tx.CommitAsync(ct);
    }
}
