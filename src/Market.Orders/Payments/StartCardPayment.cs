using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Market.Orders.Payments;

/// <summary>Opens (or reopens after a failure) Stripe's hosted payment page for a card order awaiting payment.</summary>
public sealed record StartCardPayment(string Code, Uri SiteBase);

/// <param name="NotFound">No order has that code: the caller answers as for any unknown order.</param>
public sealed record StartCardPaymentResult(string? PaymentUrl, string? MessageKey = null, bool NotFound = false);

public sealed class StartCardPaymentHandler(MarketDbContext db, IStripeClient stripe, IOptions<PaymentsOptions> options, TimeProvider clock,
    ILogger<StartCardPaymentHandler> logger)
{
    /// <summary>Stripe refuses an expires_at less than 30 minutes ahead.</summary>
    private static readonly TimeSpan StripeMinimumLifetime = TimeSpan.FromMinutes(31);

    public async Task<StartCardPaymentResult> HandleAsync(StartCardPayment command, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Shop).SingleOrDefaultAsync(o => o.Code == command.Code, ct);
        if (order is null)
        {
            return new(null, NotFound: true);
        }
        if (!options.Value.CardEnabled)
        {
            return new(null, "Payments.CardUnavailable");
        }
        if (order.Payment != Market.Core.Ordering.PaymentMethod.Card || order.Status != OrderStatus.AwaitingPayment)
        {
            return new(null, "Payments.NotAwaiting");
        }
        using var scope = logger.BeginScope("Order {OrderCode}", order.Code);
        var now = clock.GetUtcNow();
        var payment = await db.CardPayments.FindAsync([order.Id], ct);
        if (payment is null)
        {
            payment = new CardPayment(order.Id, now);
            db.CardPayments.Add(payment);
        }
        if (payment.State == CardPaymentState.Open && payment.SessionUrl is not null)
        {
            return new(payment.SessionUrl);
        }
        if (!payment.CanStartAgain)
        {
            return new(null, "Payments.NotAwaiting");
        }
        var sessions = new SessionService(stripe);
        try
        {
            if (payment.SessionId is { } previous)
            {
                await CloseQuietlyAsync(previous, ct);
            }
            var session = await sessions.CreateAsync(SessionFor(order, command.SiteBase, now),
                new RequestOptions { IdempotencyKey = payment.NextSessionKey() }, ct);
            payment.SessionOpened(session.Id, session.Url, now);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Card payment session {SessionId} opened (attempt {Attempt})", session.Id, payment.Attempt);
            return new(session.Url);
        }
        catch (Exception ex) when (CardPaymentSteps.StripeFailed(ex, ct))
        {
            logger.LogWarning(ex, "Stripe did not open a payment session");
            return new(null, "Payments.ProviderUnavailable");
        }
        catch (DbUpdateException)
        {
            // Another request opened the session first with the same idempotency key, hence the same session.
            db.ChangeTracker.Clear();
            var stored = await db.CardPayments.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
            return stored?.SessionUrl is { } url ? new(url) : new(null, "Payments.ProviderUnavailable");
        }
    }

    private SessionCreateOptions SessionFor(Order order, Uri site, DateTimeOffset now)
    {
        var deadline = order.PlacedAt + options.Value.UnpaidTimeout;
        var metadata = new Dictionary<string, string> { [CardPaymentSteps.OrderIdKey] = order.Id.ToString() };
        return new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = order.Code,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            Locale = "es",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "usd",
                        UnitAmount = order.Total.Cents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{order.Shop.Name} · {order.Code}" },
                    },
                },
            ],
            ExpiresAt = (deadline > now + StripeMinimumLifetime ? deadline : now + StripeMinimumLifetime).UtcDateTime,
            SuccessUrl = new Uri(site, $"/pedidos/{order.Code}?pago=ok").ToString(),
            CancelUrl = new Uri(site, $"/pedidos/{order.Code}?pago=volver").ToString(),
        };
    }

    /// <summary>The old page must not take money once a new one is open; if it was paid meanwhile, its webhook says so.</summary>
    private async Task CloseQuietlyAsync(string sessionId, CancellationToken ct)
    {
        try
        {
            await CardPaymentSteps.CloseAsync(stripe, sessionId, ct);
        }
        catch (StripeException ex)
        {
            logger.LogInformation("Previous session {SessionId} not expired: {Message}", sessionId, ex.StripeError?.Message);
        }
    }
}
