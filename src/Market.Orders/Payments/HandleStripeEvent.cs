using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Market.Orders.Payments;

/// <summary>One webhook delivery from Stripe: the raw body and its Stripe-Signature header.</summary>
public sealed record HandleStripeEvent(string Payload, string? Signature);

public enum StripeEventOutcome
{
    Applied,
    Replayed,
    Refused,
}

public sealed class HandleStripeEventHandler(MarketDbContext db, IOptions<PaymentsOptions> options, TimeProvider clock, OutboxSignal outbox,
    RefundOrderHandler refund, ILogger<HandleStripeEventHandler> logger)
{
    public async Task<StripeEventOutcome> HandleAsync(HandleStripeEvent command, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.CardEnabled)
        {
            return StripeEventOutcome.Refused;
        }
        var now = clock.GetUtcNow();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(command.Payload, command.Signature ?? "", o.WebhookSecret!,
                (long)o.WebhookTolerance.TotalSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        // A signed body is still not known to be an event: whatever the parser cannot read is refused, not a 500.
        catch (Exception ex) when (ex is StripeException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", ex.Message);
            return StripeEventOutcome.Refused;
        }
        // Signed by us but not an event we can keep: no id to deduplicate by, or nothing in it.
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type) || stripeEvent.Data is null)
        {
            logger.LogWarning("Stripe webhook refused: the event has no id, type or data");
            return StripeEventOutcome.Refused;
        }
        if (await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id, ct))
        {
            return StripeEventOutcome.Replayed;
        }

        var orderId = await ApplyAsync(stripeEvent, now, ct);
        db.StripeEvents.Add(new StripeEventReceipt(stripeEvent.Id, stripeEvent.Type, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // The same event, or another about the same order, was taken in meanwhile; Stripe retries after a 5xx.
            logger.LogInformation("Stripe event {EventId} lost a race; asking for a redelivery", stripeEvent.Id);
            throw new StripeEventConflictException(stripeEvent.Id, ex);
        }
        outbox.Pulse();
        logger.LogInformation("Stripe event {EventId} ({Type}) applied", stripeEvent.Id, stripeEvent.Type);
        if (orderId is { } id)
        {
            await refund.HandleAsync(new RefundOrder(id), ct);
        }
        return StripeEventOutcome.Applied;
    }

    /// <summary>Events are applied by the state they find, so a late or repeated one cannot undo a later truth.</summary>
    private async Task<Guid?> ApplyAsync(Event stripeEvent, DateTimeOffset now, CancellationToken ct)
    {
        switch (stripeEvent.Data.Object)
        {
            case Session session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                return await ForOrderAsync(session.Metadata, ct) is var (order, payment)
                    && CardPaymentSteps.ConfirmPaid(db, order, payment, session, options.Value.CommissionPercent, now)
                    && order.RefundOwed
                    ? order.Id
                    : null;
            case Session session when stripeEvent.Type is EventTypes.CheckoutSessionExpired or EventTypes.CheckoutSessionAsyncPaymentFailed:
                if (await ForOrderAsync(session.Metadata, ct) is var (_, expired))
                {
                    expired.Failed(session.Id, stripeEvent.Type == EventTypes.CheckoutSessionExpired ? CardPayment.ExpiredCode : "async_payment_failed", now);
                }
                return null;
            case PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentPaymentFailed:
                if (await ForOrderAsync(intent.Metadata, ct) is var (_, declined))
                {
                    declined.Failed(null, intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? "card_declined", now);
                }
                return null;
            default:
                return null;
        }
    }

    private async Task<(Order Order, CardPayment Payment)?> ForOrderAsync(IDictionary<string, string>? metadata, CancellationToken ct)
    {
        if (CardPaymentSteps.OrderIdOf(metadata) is not { } orderId)
        {
            return null;
        }
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
        var payment = await db.CardPayments.FindAsync([orderId], ct);
        if (order is null || payment is null)
        {
            logger.LogWarning("Stripe event for unknown order {OrderId}", orderId);
            return null;
        }
        return (order, payment);
    }
}

public sealed class StripeEventConflictException(string eventId, Exception inner)
    : Exception($"Stripe event {eventId} conflicted with another change.", inner);
