namespace Market.Core.Ordering;

/// <summary>One step in an order's life. <see cref="Sequence"/> is per order; <see cref="Id"/> orders all events of a shop.</summary>
public sealed class OrderEvent(Guid orderId, int sequence, OrderStatus status, OrderAction? action, string? reason, DateTimeOffset occurredAt)
{
    public long Id { get; private set; }
    public Guid OrderId { get; private set; } = orderId;
    public int Sequence { get; private set; } = sequence;
    public OrderStatus Status { get; private set; } = status;
    public OrderAction? Action { get; private set; } = action;
    public string? Reason { get; private set; } = reason;
    public DateTimeOffset OccurredAt { get; private set; } = occurredAt;
}

/// <summary>An order event waiting to be appended to the fulfilment stream; written in the same transaction as the event.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>Proof that a fulfilment worker took an order event into effect; its key makes handling idempotent.</summary>
public sealed class FulfilmentHandling
{
    public Guid OrderId { get; set; }
    public int Sequence { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset HandledAt { get; set; }
}
