using System.Security.Claims;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Stalls;

/// <summary>A market vendor's stalls: upcoming market days to apply for, and their applications with the fee to pay.</summary>
[Authorize(Roles = Roles.Shopkeeper)]
public sealed class StallsController(MarketDbContext db, TimeProvider clock, IStringLocalizer<Ui> text) : Controller
{
    private const int WeeksAhead = 8;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/mis-puestos")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("/mis-puestos/jornadas/{id:int}/solicitar")]
    public Task<IActionResult> ApplyForDay(int id, [FromServices] ApplyForStallHandler apply, CancellationToken ct) =>
        ApplyAsync(new ApplyForStall(Me, id, null), apply, ct);

    [HttpPost("/mis-puestos/series/{id:int}/solicitar")]
    public Task<IActionResult> ApplyForSeries(int id, [FromServices] ApplyForStallHandler apply, CancellationToken ct) =>
        ApplyAsync(new ApplyForStall(Me, null, id), apply, ct);

    [HttpPost("/mis-puestos/{id:int}/retirar")]
    public Task<IActionResult> Withdraw(int id, [FromServices] ChangeStallApplicationHandler change, CancellationToken ct) =>
        ChangeAsync(new ChangeStallApplication(Me, id, VendorChoice.Withdraw), change, ct);

    [HttpPost("/mis-puestos/{id:int}/aceptar")]
    public Task<IActionResult> AcceptOffer(int id, [FromServices] ChangeStallApplicationHandler change, CancellationToken ct) =>
        ChangeAsync(new ChangeStallApplication(Me, id, VendorChoice.AcceptOffer), change, ct);

    private async Task<IActionResult> ApplyAsync(ApplyForStall command, ApplyForStallHandler apply, CancellationToken ct)
    {
        var result = await apply.HandleAsync(command, ct);
        if (!result.Found)
        {
            return NotFound();
        }
        if (result.MessageKey is { } key)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(Messages.Format(text, key, result.Args), ct));
        }
        TempData["Flash"] = "Markets.Stalls.Applied";
        return LocalRedirect("/mis-puestos");
    }

    private async Task<IActionResult> ChangeAsync(ChangeStallApplication command, ChangeStallApplicationHandler change, CancellationToken ct)
    {
        var (found, key, args) = await change.HandleAsync(command, ct);
        if (!found)
        {
            return NotFound();
        }
        if (key is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(Messages.Format(text, key, args), ct));
        }
        TempData["Flash"] = command.Choice == VendorChoice.Withdraw ? "Markets.Stalls.Withdrawn" : "Markets.Stalls.Accepted";
        return LocalRedirect("/mis-puestos");
    }

    private async Task<StallsPage> PageAsync(string? problem, CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.OwnerId == Me && s.Kind == ShopKind.MarketVendor, ct);
        if (shop is null)
        {
            return new(null, [], [], problem);
        }
        var now = clock.GetUtcNow();
        var until = now.AddDays(7 * WeeksAhead);
        var fees = await db.MarketLimits.ToDictionaryAsync(l => l.MunicipalityId, l => l.StallFee, ct);
        var mine = await db.StallApplications.Where(a => a.ShopId == shop.Id && a.MarketDay.EndsAt > now)
            .OrderBy(a => a.MarketDay.StartsAt)
            .Select(a => new MyApplication(a.Id, a.MarketDayId, a.MarketDay.PublicSpace.Name, a.MarketDay.PublicSpace.Municipality.Name,
                a.MarketDay.Date, a.MarketDay.Opens, a.MarketDay.Closes, a.MarketDay.Status, a.MarketDay.ChangeReason,
                a.Status, a.StallNumber, a.Reason, a.Fee, a.FeePaidAt))
            .ToListAsync(ct);
        var applied = mine.Select(a => a.MarketDayId).ToHashSet();
        var noFee = Money.Zero;
        var open = await db.MarketDays.Where(d => d.Status == MarketDayStatus.Scheduled && d.StartsAt > now && d.StartsAt < until)
            .OrderBy(d => d.StartsAt)
            .Select(d => new OpenDay(d.Id, d.SeriesId, d.PublicSpace.Name, d.PublicSpace.MunicipalityId, d.PublicSpace.Municipality.Name,
                d.Date, d.Opens, d.Closes, d.PublicSpace.Capacity - db.StallApplications.Count(a => a.MarketDayId == d.Id && a.StallNumber != null), noFee))
            .Take(100)
            .ToListAsync(ct);
        return new(shop, [.. open.Where(d => !applied.Contains(d.Id)).Select(d => d with { Fee = fees.GetValueOrDefault(d.MunicipalityId) })], mine, problem);
    }
}

public sealed record OpenDay(int Id, int? SeriesId, string Space, int MunicipalityId, string Municipality, DateOnly Date, TimeOnly Opens, TimeOnly Closes,
    int FreeStalls, Money Fee);

public sealed record MyApplication(int Id, int MarketDayId, string Space, string Municipality, DateOnly Date, TimeOnly Opens, TimeOnly Closes,
    MarketDayStatus DayStatus, string? DayReason, StallApplicationStatus Status, int? StallNumber, string? Reason, Money Fee, DateTimeOffset? FeePaidAt);

public sealed record StallsPage(Shop? Shop, IReadOnlyList<OpenDay> Open, IReadOnlyList<MyApplication> Mine, string? Problem);
