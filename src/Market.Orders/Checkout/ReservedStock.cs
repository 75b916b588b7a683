using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Orders.Checkout;

/// <summary>Checkout takes units off the shelf; an order that ends without reaching the resident puts them back.</summary>
public static class ReservedStock
{
    public static bool IsReleasedBy(OrderStatus status) => status is OrderStatus.Rejected or OrderStatus.Cancelled;

    /// <summary>Call inside the transaction that stores the order's final status, so the units come back exactly once.</summary>
    public static async Task ReturnAsync(MarketDbContext db, IEnumerable<OrderItem> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            var quantity = item.Quantity;
            await db.Products.Where(p => p.Id == item.ProductId && p.Stock != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + quantity), ct);
        }
    }
}
