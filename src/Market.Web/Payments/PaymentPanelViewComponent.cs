using Market.Core.Data;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Orders.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Market.Web.Payments;

/// <summary>The card part of the tracking page: pay, why it failed, retry or switch to cash, paid, refunded.</summary>
public sealed class PaymentPanelViewComponent(MarketDbContext db, IOptions<PaymentsOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Order order)
    {
        if (order.Payment != PaymentMethod.Card)
        {
            return Content("");
        }
        var payment = await db.CardPayments.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == order.Id);
        return View("/Payments/_PaymentPanel.cshtml", new PaymentPanel(order, payment, options.Value.CardEnabled));
    }
}

public sealed record PaymentPanel(Order Order, CardPayment? Payment, bool CardEnabled)
{
    public bool AwaitingPayment => Order.Status == OrderStatus.AwaitingPayment;

    /// <summary>A known decline code has its own words; any other is told as a plain refusal.</summary>
    public string? FailureKey => Payment?.FailureCode switch
    {
        null => null,
        CardPayment.ExpiredCode => "Payments.Failure.Expired",
        "insufficient_funds" or "expired_card" or "incorrect_cvc" or "lost_card" or "stolen_card" => "Payments.Failure." + Payment.FailureCode,
        _ => "Payments.Failure.Declined",
    };
}
