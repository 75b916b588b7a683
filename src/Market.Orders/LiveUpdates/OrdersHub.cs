using System.Security.Claims;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Market.Orders.LiveUpdates;

/// <summary>
/// Clients join a group, then read what they missed: an event committed in between arrives twice at worst,
/// and clients drop what they already have by sequence number.
/// </summary>
public sealed class OrdersHub(OrderFeed feed, BackplaneResync resync, LiveSessions sessions) : Hub
{
    public static string OrderGroup(string code) => "order:" + code;
    public static string ShopGroup(int shopId) => "shop:" + shopId;

    public override Task OnConnectedAsync()
    {
        resync.Connected(Context.ConnectionId);
        sessions.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        resync.Disconnected(Context.ConnectionId);
        sessions.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task<IReadOnlyList<OrderUpdate>> FollowOrder(string code, int afterSequence)
    {
        if (!await feed.OrderExistsAsync(code, Context.ConnectionAborted))
        {
            throw new HubException("Pedido no encontrado.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, OrderGroup(code));
        return await feed.ForOrderAsync(code, afterSequence, Context.ConnectionAborted);
    }

    [Authorize(Roles = Roles.Shopkeeper)]
    public async Task<IReadOnlyList<OrderUpdate>> FollowShop(long afterEventId)
    {
        var owner = Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
        foreach (var shopId in await feed.ShopsOwnedByAsync(owner, Context.ConnectionAborted))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ShopGroup(shopId));
        }
        return await feed.ForShopOwnerAsync(owner, afterEventId, Context.ConnectionAborted);
    }
}
