namespace Market.Core.MarketDays;

/// <summary>What vendors with a stall are told live when their market day is cancelled or moved.</summary>
public sealed record MarketDayNotice(int MarketDayId, string Space, DateOnly Date, TimeOnly Opens, TimeOnly Closes, MarketDayStatus Status,
    string? Reason, DateOnly? MovedFrom);

/// <summary>Pushes a notice to the vendors' open pages; implemented where the live connections are (SignalR).</summary>
public interface IMarketDayNotices
{
    Task PublishAsync(MarketDayNotice notice, IReadOnlyList<int> shopIds, CancellationToken ct);
}
