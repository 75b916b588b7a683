using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Checkout;
using Market.Orders.Payments;
using Market.Orders.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Market.Orders.Fulfilling;

/// <summary>Someone moves an order one step. A shop acts through its owner; a resident through the order's code.</summary>
public sealed record AdvanceOrder(string Code, OrderAction Action, string? Reason, OrderActor Actor, string? UserId);

public enum AdvanceOutcome
{
    Done,
    NotFound,
    Forbidden,
    Refused,
    Conflict,
}

public sealed record AdvanceOrderResult(AdvanceOutcome Outcome, OrderEvent? Event = null, string? MessageKey = null, object[]? Args = null);

public sealed class AdvanceOrderHandler(MarketDbContext db, TimeProvider clock, OutboxSignal outbox, ILogger<AdvanceOrderHandler> logger,
    IOptions<PaymentsOptions> payments, RefundOrderHandler refund)
{
    public async Task<AdvanceOrderResult> HandleAsync(AdvanceOrder command, CancellationToken ct)
    {
        using var scope = logger.BeginScope("Order {OrderCode}", command.Code);
        var order = await db.Orders.Include(o => o.Shop).SingleOrDefaultAsync(o => o.Code == command.Code, ct);
        if (order is null)
        {
            return new(AdvanceOutcome.NotFound, MessageKey: "Order.NotFound");
        }
        if (command.Actor == OrderActor.Shop && (command.UserId is null || order.Shop.OwnerId != command.UserId))
        {
            return new(AdvanceOutcome.Forbidden, MessageKey: "Order.NotYourShop");
        }
        try
        {
            var e = order.Apply(command.Action, command.Actor, command.Reason, clock.GetUtcNow());
            if (order.Payment == PaymentMethod.CashOnDelivery && e.Status is OrderStatus.Delivered or OrderStatus.PickedUp)
            {
                db.Ledger.AddRange(LedgerEntry.ForSale(order, payments.Value.CommissionPercent, e.OccurredAt));
            }
            if (ReservedStock.IsReleasedBy(order.Status))
            {
                await ReservedStock.SaveReleasingAsync(db, order, ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
            outbox.Pulse();
            if (order.RefundOwed)
            {
                await refund.HandleAsync(new RefundOrder(order.Id), ct);
            }
            logger.LogInformation("Order {Action} by {Actor}: now {Status} (event {Sequence})", command.Action, command.Actor, order.Status, e.Sequence);
            return new(AdvanceOutcome.Done, e);
        }
        catch (DomainException ex)
        {
            logger.LogInformation("Order {Action} by {Actor} refused: {Reason}", command.Action, command.Actor, ex.MessageKey);
            return new(AdvanceOutcome.Refused, MessageKey: ex.MessageKey, Args: [.. ex.Args]);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // Someone moved the order first: either the version check or the (order, sequence) key catches it.
            logger.LogInformation("Order {Action} by {Actor} lost a race with another change", command.Action, command.Actor);
            return new(AdvanceOutcome.Conflict, MessageKey: "Order.ChangedMeanwhile");
        }
    }
}
