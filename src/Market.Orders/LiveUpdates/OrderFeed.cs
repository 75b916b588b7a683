using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Orders.LiveUpdates;

/// <summary>Reads order events as updates: for the worker to push one, and for a reconnecting client to catch up.</summary>
public sealed class OrderFeed(MarketDbContext db)
{
    private const int MaxCatchUp = 500;

    /// <summary>Every event of the given orders, keyed by order and sequence, for a worker handling a batch.</summary>
    public async Task<Dictionary<(Guid OrderId, int Sequence), OrderUpdate>> ForOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct) =>
        (await UpdatesAsync(db.OrderEvents.Where(e => orderIds.Contains(e.OrderId)), ct))
            .ToDictionary(r => (r.OrderId, r.Update.Sequence), r => r.Update);

    public Task<bool> OrderExistsAsync(string code, CancellationToken ct) => db.Orders.AnyAsync(o => o.Code == code, ct);

    public async Task<List<OrderUpdate>> ForOrderAsync(string code, int afterSequence, CancellationToken ct) =>
        [.. (await UpdatesAsync(db.OrderEvents
                .Where(e => e.Sequence > afterSequence && db.Orders.Any(o => o.Id == e.OrderId && o.Code == code))
                .OrderBy(e => e.Sequence).Take(MaxCatchUp), ct)).Select(r => r.Update)
            .OrderBy(u => u.Sequence)];

    public async Task<List<OrderUpdate>> ForShopOwnerAsync(string ownerId, long afterEventId, CancellationToken ct) =>
        [.. (await UpdatesAsync(db.OrderEvents
                .Where(e => e.Id > afterEventId && db.Orders.Where(Order.ReachedShop).Any(o => o.Id == e.OrderId && o.Shop.OwnerId == ownerId))
                .OrderBy(e => e.Id).Take(MaxCatchUp), ct)).Select(r => r.Update)
            .OrderBy(u => u.EventId)];

    public Task<List<int>> ShopsOwnedByAsync(string ownerId, CancellationToken ct) =>
        db.Shops.Where(s => s.OwnerId == ownerId).Select(s => s.Id).ToListAsync(ct);

    private async Task<IEnumerable<(Guid OrderId, OrderUpdate Update)>> UpdatesAsync(IQueryable<OrderEvent> events, CancellationToken ct)
    {
        var rows = await (
            from e in events
            join o in db.Orders on e.OrderId equals o.Id
            select new { o.Code, o.ShopId, Event = e, o.Fulfilment, o.Customer.Name, o.Subtotal, o.DeliveryFee,
                Reached = db.Orders.Where(Order.ReachedShop).Any(x => x.Id == o.Id) })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => (r.Event.OrderId, new OrderUpdate(r.Code, r.ShopId, r.Event.Id, r.Event.Sequence,
            r.Event.Status, r.Event.Action, r.Event.Reason, r.Event.OccurredAt, r.Fulfilment, r.Name, (r.Subtotal + r.DeliveryFee).Cents, r.Reached)));
    }
}
