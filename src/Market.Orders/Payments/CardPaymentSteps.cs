using System.Net;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Stripe.Checkout;

namespace Market.Orders.Payments;

/// <summary>What a paid session does to an order, whether the webhook or the unpaid-order sweep learns of it first.</summary>
internal static class CardPaymentSteps
{
    public const string OrderIdKey = "order_id";

    /// <summary>Tracks the changes without saving; false when the session does not pay this order in full.</summary>
    public static bool ConfirmPaid(MarketDbContext db, Order order, CardPayment payment, Session session, decimal commissionPercent,
        DateTimeOffset now)
    {
        if (session.PaymentStatus != "paid" || session.AmountTotal != order.Total.Cents
            || !string.Equals(session.Currency, "usd", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (order.PaidAt is not null || order.Payment != PaymentMethod.Card)
        {
            return true;
        }
        payment.Succeeded(session.Id, session.PaymentIntentId, now);
        if (order.ConfirmPayment(now) is not null)
        {
            // Only a payment that placed the order is the shop's sale; a late one is refunded on the platform's side.
            db.Ledger.AddRange(LedgerEntry.ForSale(order, commissionPercent, now));
        }
        return true;
    }

    /// <summary>
    /// Closes a session's page so that it cannot take money any more, and returns the session as it ended: expired
    /// now, or paid (or expired) before. Throws when Stripe cannot be reached, or will not say.
    /// </summary>
    public static async Task<Session> CloseAsync(Stripe.IStripeClient stripe, string sessionId, CancellationToken ct)
    {
        var sessions = new SessionService(stripe);
        try
        {
            return await sessions.ExpireAsync(sessionId, cancellationToken: ct);
        }
        catch (Stripe.StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.BadRequest)
        {
            // Only an open session can be expired: this one had already ended, so read how.
            return await sessions.GetAsync(sessionId, cancellationToken: ct);
        }
    }

    /// <summary>Stripe answered with an error, or could not be reached (Stripe.net lets network failures and timeouts through).</summary>
    public static bool StripeFailed(Exception ex, CancellationToken ct) =>
        ex is Stripe.StripeException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    public static Guid? OrderIdOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(OrderIdKey, out var id) && Guid.TryParse(id, out var orderId) ? orderId : null;
}
