using Market.Core.MarketDays;
using Microsoft.AspNetCore.SignalR;

namespace Market.Orders.LiveUpdates;

/// <summary>Vendors follow their shop's group on the orders hub; a market-day notice goes to the same groups.</summary>
internal sealed class SignalRMarketDayNotices(IHubContext<OrdersHub> hub) : IMarketDayNotices
{
    public const string Method = "marketDay";

    public Task PublishAsync(MarketDayNotice notice, IReadOnlyList<int> shopIds, CancellationToken ct) =>
        shopIds.Count == 0 ? Task.CompletedTask : hub.Clients.Groups([.. shopIds.Select(OrdersHub.ShopGroup)]).SendAsync(Method, notice, ct);
}
