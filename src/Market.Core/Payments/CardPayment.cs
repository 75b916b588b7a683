namespace Market.Core.Payments;

public enum CardPaymentState
{
    /// <summary>No hosted payment page yet, or creating it failed: the resident may try again.</summary>
    NotStarted,
    Open,
    Failed,
    Expired,
    Paid,
}

/// <summary>
/// The card side of one order at the payment provider: the current hosted checkout session (a retry replaces it),
/// why the last attempt failed, and the refund once there is one.
/// </summary>
public sealed class CardPayment
{
    private CardPayment()
    {
    }

    public CardPayment(Guid orderId, DateTimeOffset now)
    {
        OrderId = orderId;
        UpdatedAt = now;
    }

    public Guid OrderId { get; private set; }

    /// <summary>Numbers the sessions of this order; part of the idempotency key of each session created.</summary>
    public int Attempt { get; private set; }
    public CardPaymentState State { get; private set; }
    public string? SessionId { get; private set; }
    public string? SessionUrl { get; private set; }
    public string? PaymentIntentId { get; private set; }

    /// <summary>The provider's decline code ("insufficient_funds") or "expired": the resident is told why.</summary>
    public string? FailureCode { get; private set; }
    public string? RefundId { get; private set; }

    /// <summary>
    /// Counts refund calls that Stripe failed. Stripe replays a failure to the same idempotency key, so a retry
    /// needs a new key; a full refund cannot happen twice (Stripe refuses to refund more than was paid).
    /// </summary>
    public int RefundFailures { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool CanStartAgain => State is CardPaymentState.NotStarted or CardPaymentState.Failed or CardPaymentState.Expired;

    public string NextSessionKey() => $"checkout-{OrderId:N}-{Attempt + 1}";

    public void SessionOpened(string sessionId, string url, DateTimeOffset now)
    {
        Attempt++;
        SessionId = sessionId;
        SessionUrl = url;
        State = CardPaymentState.Open;
        FailureCode = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Only an open payment may fail, and a session event only for the session we wait on: a late event of an earlier
    /// session says nothing now. A card decline (no session id) may be followed by a success with another card.
    /// </summary>
    public bool Failed(string? sessionId, string code, DateTimeOffset now)
    {
        if (State != CardPaymentState.Open || (sessionId is not null && sessionId != SessionId))
        {
            return false;
        }
        State = code == ExpiredCode ? CardPaymentState.Expired : CardPaymentState.Failed;
        FailureCode = code;
        UpdatedAt = now;
        return true;
    }

    public void Succeeded(string sessionId, string? paymentIntentId, DateTimeOffset now)
    {
        SessionId = sessionId;
        PaymentIntentId = paymentIntentId;
        State = CardPaymentState.Paid;
        FailureCode = null;
        UpdatedAt = now;
    }

    public string RefundKey => $"refund-{OrderId:N}-{RefundFailures}";

    /// <param name="refundId">Null when Stripe said the payment was refunded already (by an earlier call that seemed to fail).</param>
    public void Refunded(string? refundId, DateTimeOffset now)
    {
        RefundId = refundId;
        UpdatedAt = now;
    }

    public void RefundFailed(DateTimeOffset now)
    {
        RefundFailures++;
        UpdatedAt = now;
    }

    public const string ExpiredCode = "expired";
}
