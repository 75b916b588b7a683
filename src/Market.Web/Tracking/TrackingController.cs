using System.Security.Claims;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.Fulfilling;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Tracking;

public sealed class TrackingController(MarketDbContext db, AdvanceOrderHandler advance, IStringLocalizer<Ui> text) : Controller
{
    [HttpGet("/pedidos/{code}")]
    public async Task<IActionResult> Order(string code, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Shop).Include(o => o.Items)
            .Include(o => o.Events.OrderBy(e => e.Sequence))
            .SingleOrDefaultAsync(o => o.Code == code, ct);
        if (order?.MarketDayId is { } dayId)
        {
            ViewData[nameof(Markets.MarketPickup)] = await db.StallApplications.Where(a => a.MarketDayId == dayId && a.ShopId == order.ShopId)
                .Select(a => new Markets.MarketPickup(a.ShopId, dayId, a.MarketDay.Date, a.MarketDay.Opens, a.MarketDay.Closes, a.MarketDay.PublicSpace.Name,
                    a.StallNumber ?? 0))
                .FirstOrDefaultAsync(ct);
        }
        return order is null ? NotFound() : View(order);
    }

    [HttpPost("/pedidos/{code}/cancelar")]
    public async Task<IActionResult> Cancel(string code, string? reason, CancellationToken ct)
    {
        var result = await advance.HandleAsync(new AdvanceOrder(code, OrderAction.Cancel, reason, OrderActor.Resident,
            User.FindFirstValue(ClaimTypes.NameIdentifier)), ct);
        if (result.Outcome == AdvanceOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.MessageKey is not null)
        {
            TempData["Error"] = Messages.Format(text, result.MessageKey, result.Args);
        }
        return LocalRedirect($"/pedidos/{code}");
    }

    [Authorize]
    [HttpGet("/mis-pedidos")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Shop)
            .Where(o => o.ResidentId == me).OrderByDescending(o => o.PlacedAt).Take(100).ToListAsync(ct);
        return View(orders);
    }
}
