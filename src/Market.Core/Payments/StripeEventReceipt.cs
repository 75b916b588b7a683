namespace Market.Core.Payments;

/// <summary>A provider event taken into effect; its id is the key, so a replayed delivery finds it and does nothing.</summary>
public sealed class StripeEventReceipt(string id, string type, DateTimeOffset receivedAt)
{
    public string Id { get; private set; } = id;
    public string Type { get; private set; } = type;
    public DateTimeOffset ReceivedAt { get; private set; } = receivedAt;
}
