using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Fulfilling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Market.Orders.Payments;

/// <summary>The resident gives up on the card and pays on delivery or pickup; the open payment page is closed first.</summary>
public sealed record SwitchToCash(string Code);

public sealed class SwitchToCashHandler(MarketDbContext db, IStripeClient stripe, AdvanceOrderHandler advance, ILogger<SwitchToCashHandler> logger)
{
    public async Task<AdvanceOrderResult> HandleAsync(SwitchToCash command, CancellationToken ct)
    {
        var payment = await db.CardPayments.AsNoTracking()
            .SingleOrDefaultAsync(p => db.Orders.Any(o => o.Id == p.OrderId && o.Code == command.Code), ct);
        if (payment is { State: CardPaymentState.Open or CardPaymentState.Failed, SessionId: { } sessionId })
        {
            try
            {
                if (await CardPaymentSteps.CloseAsync(stripe, sessionId, ct) is { PaymentStatus: "paid" })
                {
                    // The card payment stands, and its webhook places the order.
                    logger.LogInformation("Switch to cash refused: session {SessionId} was paid", sessionId);
                    return new(AdvanceOutcome.Refused, MessageKey: "Payments.PaidMeanwhile");
                }
            }
            catch (Exception ex) when (CardPaymentSteps.StripeFailed(ex, ct))
            {
                // Until the page is closed it could still take money, so the switch waits for Stripe.
                logger.LogWarning(ex, "Switch to cash postponed: Stripe unreachable");
                return new(AdvanceOutcome.Refused, MessageKey: "Payments.ProviderUnavailable");
            }
        }
        return await advance.HandleAsync(new AdvanceOrder(command.Code, OrderAction.PayOnDelivery, null, OrderActor.Resident, null), ct);
    }
}
