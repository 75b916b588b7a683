using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Orders.LiveUpdates;

/// <summary>Reads order events as updates: for the worker to push one, and for a reconnecting client to catch up.</summary>
public sealed class OrderFeed(MarketDbContext db)
{
    private const int MaxCatchUp = 500;

    public Task<OrderUpdate?> ForEventAsync(Guid orderId, int sequence, CancellationToken ct) =>
        Updates(db.OrderEvents.Where(e => e.OrderId == orderId && e.Sequence == sequence)).SingleOrDefaultAsync(ct);

    public Task<List<OrderUpdate>> ForOrderAsync(string code, int afterSequence, CancellationToken ct) =>
        Updates(db.OrderEvents.Where(e => e.Sequence > afterSequence
                && db.Orders.Any(o => o.Id == e.OrderId && o.Code == code)))
            .OrderBy(u => u.Sequence).Take(MaxCatchUp).ToListAsync(ct);

    public Task<List<OrderUpdate>> ForShopOwnerAsync(string ownerId, long afterEventId, CancellationToken ct) =>
        Updates(db.OrderEvents.Where(e => e.Id > afterEventId
                && db.Orders.Any(o => o.Id == e.OrderId && o.Shop.OwnerId == ownerId)))
            .OrderBy(u => u.EventId).Take(MaxCatchUp).ToListAsync(ct);

    public Task<bool> OrderExistsAsync(string code, CancellationToken ct) => db.Orders.AnyAsync(o => o.Code == code, ct);

    public Task<List<int>> ShopsOwnedByAsync(string ownerId, CancellationToken ct) =>
        db.Shops.Where(s => s.OwnerId == ownerId).Select(s => s.Id).ToListAsync(ct);

    private IQueryable<OrderUpdate> Updates(IQueryable<OrderEvent> events) =>
        from e in events
        join o in db.Orders on e.OrderId equals o.Id
        select new OrderUpdate(o.Code, o.ShopId, e.Id, e.Sequence, e.Status, e.Action, e.Reason, e.OccurredAt,
            o.Fulfilment, o.Customer.Name, o.Subtotal.Cents + o.DeliveryFee.Cents);
}
