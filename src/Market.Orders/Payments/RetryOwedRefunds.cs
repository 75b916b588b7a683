using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Orders.Payments;

/// <summary>Makes the refunds still owed, such as one that Stripe refused while it was down; a batch at a time.</summary>
public sealed record RetryOwedRefunds(int Batch = 100);

public sealed class RetryOwedRefundsHandler(MarketDbContext db, RefundOrderHandler refund)
{
    /// <returns>How many refunds were made.</returns>
    public async Task<int> HandleAsync(RetryOwedRefunds command, CancellationToken ct)
    {
        var owed = await db.Orders.Where(Order.OwesRefund).Select(o => o.Id).Take(command.Batch).ToListAsync(ct);
        var made = 0;
        foreach (var orderId in owed)
        {
            made += await refund.HandleAsync(new RefundOrder(orderId), ct) ? 1 : 0;
        }
        return made;
    }
}
