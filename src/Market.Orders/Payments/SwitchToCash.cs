using System.Net;
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
            var sessions = new SessionService(stripe);
            try
            {
                await sessions.ExpireAsync(sessionId, cancellationToken: ct);
            }
            catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.BadRequest)
            {
                // Not open any more: if it was paid, the card payment stands and its webhook places the order.
                switch (await PaidAsync(sessions, sessionId, ct))
                {
                    case true:
                        logger.LogInformation("Switch to cash refused: session {SessionId} was paid", sessionId);
                        return new(AdvanceOutcome.Refused, MessageKey: "Payments.PaidMeanwhile");
                    case null:
                        return new(AdvanceOutcome.Refused, MessageKey: "Payments.ProviderUnavailable");
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

    /// <summary>Null when Stripe cannot say.</summary>
    private static async Task<bool?> PaidAsync(SessionService sessions, string sessionId, CancellationToken ct)
    {
        try
        {
            return (await sessions.GetAsync(sessionId, cancellationToken: ct)).PaymentStatus == "paid";
        }
        catch (Exception ex) when (CardPaymentSteps.StripeFailed(ex, ct))
        {
            return null;
        }
    }
}
