using Market.Core;
using Market.Core.Data;
using Market.Core.Payments;
using Market.Orders.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Market.Orders.Payments;

/// <summary>Gives back the card payment of an order the shop will not fulfil. Safe to ask for from anywhere, any number of times.</summary>
public sealed record RefundOrder(Guid OrderId);

public sealed class RefundOrderHandler(MarketDbContext db, IStripeClient stripe, TimeProvider clock, OutboxSignal outbox,
    ILogger<RefundOrderHandler> logger)
{
    public async Task<bool> HandleAsync(RefundOrder command, CancellationToken ct)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == command.OrderId, ct);
        var payment = await db.CardPayments.FindAsync([command.OrderId], ct);
        if (order is null || !order.RefundOwed || payment?.PaymentIntentId is null)
        {
            return false;
        }
        using var scope = logger.BeginScope("Order {OrderCode}", order.Code);
        string? refundId;
        try
        {
            // One key per order and attempt: whoever asks, however often, Stripe makes one refund and answers the rest with it.
            var refund = await new RefundService(stripe).CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = payment.PaymentIntentId,
                Amount = order.Total.Cents,
                Metadata = new Dictionary<string, string> { [CardPaymentSteps.OrderIdKey] = order.Id.ToString() },
            }, new RequestOptions { IdempotencyKey = payment.RefundKey }, ct);
            refundId = refund.Id;
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "charge_already_refunded")
        {
            refundId = null;
        }
        catch (Exception ex) when (CardPaymentSteps.StripeFailed(ex, ct))
        {
            logger.LogWarning(ex, "Refund failed at Stripe; the sweep tries again");
            payment.RefundFailed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return false;
        }
        var now = clock.GetUtcNow();
        order.RecordRefund(now);
        payment.Refunded(refundId, now);
        var sale = await db.Ledger.Where(l => l.OrderId == order.Id && (l.Kind == LedgerKind.CardSale || l.Kind == LedgerKind.Commission))
            .ToListAsync(ct);
        if (sale.Any(l => l.Kind == LedgerKind.CardSale))
        {
            var commission = Money.Sum(sale.Where(l => l.Kind == LedgerKind.Commission).Select(l => l.Amount));
            db.Ledger.AddRange(LedgerEntry.ForRefund(order, Money.Zero - commission, now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Refund {RefundId} was recorded by another request", refundId);
            return false;
        }
        outbox.Pulse();
        logger.LogInformation("Refunded {Cents} cents as {RefundId}", order.Total.Cents, refundId);
        return true;
    }
}
