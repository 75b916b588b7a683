using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Checkout;
using Market.Orders.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Market.Orders.Payments;

/// <summary>Cancels card orders left unpaid past the timeout and puts their stock back.</summary>
public sealed record ExpireUnpaidOrders(int MaxOrders = 100);

public sealed class ExpireUnpaidOrdersHandler(MarketDbContext db, IStripeClient stripe, IOptions<PaymentsOptions> options, TimeProvider clock,
    OutboxSignal outbox, ILogger<ExpireUnpaidOrdersHandler> logger)
{
    /// <summary>The number of orders cancelled.</summary>
    public async Task<int> HandleAsync(ExpireUnpaidOrders command, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UnpaidTimeout;
        var due = await db.Orders.Where(o => o.Status == OrderStatus.AwaitingPayment && o.PlacedAt < cutoff)
            .OrderBy(o => o.PlacedAt).Select(o => o.Id).Take(command.MaxOrders).ToListAsync(ct);
        var cancelled = 0;
        foreach (var orderId in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                cancelled += await ExpireAsync(orderId, ct) ? 1 : 0;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
            {
                logger.LogInformation("Unpaid order {OrderId} changed while expiring; left for the next sweep", orderId);
            }
            catch (Exception ex) when (CardPaymentSteps.StripeFailed(ex, ct))
            {
                logger.LogWarning(ex, "Could not check the payment of unpaid order {OrderId}; left for the next sweep", orderId);
            }
        }
        if (cancelled > 0)
        {
            outbox.Pulse();
        }
        return cancelled;
    }

    private async Task<bool> ExpireAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Items).SingleAsync(o => o.Id == orderId, ct);
        var payment = await db.CardPayments.FindAsync([orderId], ct);
        var now = clock.GetUtcNow();
        using var scope = logger.BeginScope("Order {OrderCode}", order.Code);
        if (payment?.SessionId is { } sessionId && await CardPaymentSteps.CloseAsync(stripe, sessionId, ct) is { PaymentStatus: "paid" } paid)
        {
            // Paid just before the deadline and the webhook has not arrived yet: the order goes ahead.
            CardPaymentSteps.ConfirmPaid(db, order, payment, paid, options.Value.CommissionPercent, now);
            await db.SaveChangesAsync(ct);
            return false;
        }
        order.Apply(OrderAction.ExpirePayment, OrderActor.Platform, reason: null, now);
        payment?.Failed(null, CardPayment.ExpiredCode, now);
        await ReservedStock.SaveReleasingAsync(db, order, ct);
        logger.LogInformation("Unpaid card order cancelled after {Timeout}; stock released", options.Value.UnpaidTimeout);
        return true;
    }
}
