using System.Security.Claims;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.Checkout;
using Market.Orders.Payments;
using Market.Web.Cart;
using Market.Web.Markets;
using Market.Web.Operations;
using Market.Web.Payments;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Market.Web.Checkout;

public sealed class CheckoutController(MarketDbContext db, PlaceOrderHandler placeOrder, IStringLocalizer<Ui> text,
    IOptions<PaymentsOptions> payments, TimeProvider clock) : Controller
{
    [HttpGet("/checkout")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var lines = CartCookie.Read(Request);
        var cart = await CartController.LoadAsync(db, lines, ct);
        if (cart.IsEmpty)
        {
            return LocalRedirect("/carrito");
        }
        CartCookie.IssueBrowserId(Request, Response);
        var account = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var phone = account is null ? null : await db.Users.Where(u => u.Id == account).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        var form = new CheckoutForm
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Name = User.FindFirstValue(MarketClaims.DisplayName),
            Phone = phone is null ? null : Display.Phone(phone),
            Shops = [.. cart.Shops.Select(s => new ShopChoiceForm
            {
                ShopId = s.Shop.Id,
                Receive = s.Shop.OffersDelivery ? ShopChoiceForm.Delivery : ShopChoiceForm.AtShop,
            })],
        };
        var markets = await MarketPickup.ForAsync(db, cart, clock, ct);
        foreach (var choice in form.Shops.Where(c => markets.ContainsKey(c.ShopId)))
        {
            choice.Receive = ShopChoiceForm.AtMarket(markets[choice.ShopId][0].MarketDayId);
        }
        return View(await PageAsync(form, lines, cart, [], ct));
    }

    [HttpPost("/checkout")]
    [EnableRateLimiting(RateLimitPolicies.Checkout)]
    public async Task<IActionResult> Place(CheckoutForm form, [FromServices] StartCardPaymentHandler startPayment, CancellationToken ct)
    {
        var lines = CartCookie.Read(Request);
        if (form.Recalculate)
        {
            return View("Index", await PageAsync(form, lines, await CartController.LoadAsync(db, lines, ct), [], ct));
        }
        var errors = new List<string>();
        var choices = new List<ShopChoice>();
        foreach (var choice in form.Shops)
        {
            Money? payWith = null;
            if (!string.IsNullOrWhiteSpace(choice.PayWith))
            {
                if (Money.TryParse(choice.PayWith, out var amount))
                {
                    payWith = amount;
                }
                else
                {
                    errors.Add(text["Checkout.PayWithInvalid", choice.PayWith]);
                }
            }
            // A shop with no way of receiving chosen is left out, and the handler names it.
            if (choice.Fulfilment is { } fulfilment)
            {
                choices.Add(new ShopChoice(choice.ShopId, fulfilment, payWith, choice.Payment, choice.MarketDayId));
            }
        }
        if (errors.Count == 0)
        {
            var command = new PlaceOrder(form.IdempotencyKey, User.FindFirstValue(ClaimTypes.NameIdentifier), CartCookie.BrowserId(Request),
                new CustomerContact(form.Name ?? "", form.Phone ?? "", form.Address, form.ReferencePoint), lines, choices);
            var result = await placeOrder.HandleAsync(command, ct);
            if (result.Succeeded)
            {
                CartCookie.Write(Response, []);
                if (result.Orders is [{ Payment: PaymentMethod.Card } only])
                {
                    // One card order: straight on to Stripe's page; if that fails, its tracking page offers a retry or cash.
                    var payment = await startPayment.HandleAsync(new StartCardPayment(only.Code, SiteAddress.Of(Request)), ct);
                    if (payment.PaymentUrl is { } url)
                    {
                        return Redirect(url);
                    }
                    TempData["Error"] = text[payment.MessageKey!].Value;
                    return LocalRedirect($"/pedidos/{only.Code}");
                }
                return LocalRedirect("/pedidos/confirmados?codigos=" + string.Join(',', result.Orders.Select(o => o.Code)));
            }
            errors.AddRange(result.Errors.Select(e => Messages.Format(text, e.MessageKey, e.Args)));
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await PageAsync(form, lines, await CartController.LoadAsync(db, lines, ct), errors, ct));
    }

    private async Task<CheckoutPage> PageAsync(CheckoutForm form, IReadOnlyList<CartLine> lines, CartView cart, IReadOnlyList<string> errors,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var catalog = cart.Products;
        var available = lines.Where(l => catalog.ContainsKey(l.ProductId)).ToList();
        var quotes = CartPricing.Split(available, catalog, _ => Fulfilment.Delivery)
            .Zip(CartPricing.Split(available, catalog, _ => Fulfilment.Pickup),
                (delivery, pickup) => new ShopQuote(delivery, pickup, delivery.Shop.IsOpenAt(now), delivery.Shop.NextOpeningAfter(now)))
            .ToList();
        return new CheckoutPage(form, cart, errors, payments.Value.CardEnabled)
        {
            Markets = await MarketPickup.ForAsync(db, cart, clock, ct),
            Quotes = quotes,
            Now = now,
        };
    }

    [HttpGet("/pedidos/confirmados")]
    public async Task<IActionResult> Confirmed(string? codigos, CancellationToken ct)
    {
        var codes = (codigos ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Take(20).ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => codes.Contains(o.Code))
            .Select(o => new { o.Code, ShopName = o.Shop.Name, o.Subtotal, o.DeliveryFee, o.Fulfilment, o.Status })
            .ToListAsync(ct);
        return orders.Count == 0
            ? NotFound()
            : View(orders.OrderBy(o => o.ShopName, SpanishOrder.Names)
                .Select(o => new ConfirmedOrder(o.Code, o.ShopName, o.Subtotal + o.DeliveryFee, o.Fulfilment, o.Status)).ToList());
    }
}
