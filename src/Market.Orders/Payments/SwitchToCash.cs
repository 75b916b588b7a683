using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Fulfilling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

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
                await new SessionService(stripe).ExpireAsync(sessionId, cancellationToken: ct);
            }
            catch (StripeException ex)
            {
                // Not open any more: if it was paid, the card payment stands and its webhook places the order.
                logger.LogInformation("Switch to cash refused, session {SessionId} not expirable: {Message}", sessionId, ex.StripeError?.Message);
                return new(AdvanceOutcome.Refused, MessageKey: "Payments.PaidMeanwhile");
            }
        }
        return await advance.HandleAsync(new AdvanceOrder(command.Code, OrderAction.PayOnDelivery, null, OrderActor.Resident, null), ct);
    }
}
