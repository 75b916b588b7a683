using Microsoft.AspNetCore.SignalR;

namespace Market.Orders.LiveUpdates;

internal sealed class SignalROrderUpdates(IHubContext<OrdersHub> hub) : IOrderUpdates
{
    public const string Method = "orderEvent";

    public Task PublishAsync(OrderUpdate update, CancellationToken ct) => update.ReachedShop
        ? hub.Clients.Groups(OrdersHub.OrderGroup(update.Code), OrdersHub.ShopGroup(update.ShopId)).SendAsync(Method, update, ct)
        : hub.Clients.Group(OrdersHub.OrderGroup(update.Code)).SendAsync(Method, update, ct);
}
