using System.Text.Json.Serialization;
using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Orders.LiveUpdates;

/// <summary>The live-update contract: what the resident's tracking page and the shop's inbox receive for each order event.</summary>
public sealed record OrderUpdate(
    string Code,
    int ShopId,
    long EventId,
    int Sequence,
    OrderStatus Status,
    OrderAction? Action,
    string? Reason,
    DateTimeOffset OccurredAt,
    Fulfilment Fulfilment,
    string CustomerName,
    long TotalCents,
    [property: JsonIgnore] bool ReachedShop = true);

/// <summary>Pushes an update to everyone following the order or its shop; implemented where the connections are.</summary>
public interface IOrderUpdates
{
    Task PublishAsync(OrderUpdate update, CancellationToken ct);
}
