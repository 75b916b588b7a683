using System.Security.Claims;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.Fulfilling;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.ShopInbox;

[Authorize(Roles = Roles.Shopkeeper)]
public sealed class ShopInboxController(MarketDbContext db, AdvanceOrderHandler advance, IStringLocalizer<Ui> text) : Controller
{
    private const int RecentlyClosed = 20;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/tienda/pedidos")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var mine = MyOrders();
        var open = await mine.Where(o => o.Status != OrderStatus.Delivered && o.Status != OrderStatus.PickedUp
                && o.Status != OrderStatus.Rejected && o.Status != OrderStatus.Cancelled)
            .ToListAsync(ct);
        var closed = await mine.Where(o => o.Status == OrderStatus.Delivered || o.Status == OrderStatus.PickedUp
                || o.Status == OrderStatus.Rejected || o.Status == OrderStatus.Cancelled)
            .OrderByDescending(o => o.Version).ThenByDescending(o => o.Id).Take(RecentlyClosed).ToListAsync(ct);
        var lastEventId = await db.OrderEvents.Where(e => db.Orders.Any(o => o.Id == e.OrderId && o.Shop.OwnerId == Me))
            .MaxAsync(e => (long?)e.Id, ct) ?? 0;
        return View(new InboxPage([.. open.OrderByDescending(o => o.PlacedAt)], [.. closed.OrderByDescending(o => o.PlacedAt)], lastEventId));
    }

    [HttpGet("/tienda/pedidos/{code}/tarjeta")]
    public async Task<IActionResult> Card(string code, CancellationToken ct)
    {
        var order = await MyOrders().SingleOrDefaultAsync(o => o.Code == code, ct);
        return order is null ? NotFound() : PartialView("_OrderCard", order);
    }

    [HttpPost("/tienda/pedidos/{code}/{step}")]
    public async Task<IActionResult> Advance(string code, OrderAction step, string? reason, CancellationToken ct)
    {
        var result = await advance.HandleAsync(new AdvanceOrder(code, step, reason, OrderActor.Shop, Me), ct);
        switch (result.Outcome)
        {
            case AdvanceOutcome.NotFound:
                return NotFound();
            case AdvanceOutcome.Forbidden:
                // A plain 403 (shown by the error page) rather than Forbid(), which would redirect a signed-in shopkeeper.
                return StatusCode(StatusCodes.Status403Forbidden);
            case AdvanceOutcome.Done:
                break;
            default:
                TempData["Error"] = Messages.Format(text, result.MessageKey!, result.Args);
                TempData["ErrorOrder"] = code;
                break;
        }
        return LocalRedirect("/tienda/pedidos#pedido-" + code);
    }

    private IQueryable<Order> MyOrders() =>
        db.Orders.AsNoTracking().Include(o => o.Shop).Include(o => o.Items).Include(o => o.Events.Where(e => e.Reason != null))
            .Where(o => o.Shop.OwnerId == Me).Where(Order.ReachedShop);
}

public sealed record InboxPage(IReadOnlyList<Order> Open, IReadOnlyList<Order> Closed, long LastEventId);
