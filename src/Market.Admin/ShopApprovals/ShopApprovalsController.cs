using System.Globalization;
using System.Security.Claims;
using Market.Core;
using Market.Admin.Resources;
using Market.Admin.Staff;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Market.Admin.ShopApprovals;

/// <summary>New shops waiting for their municipality, and shops staff register on a vendor's behalf.</summary>
[Authorize(Policy = StaffScope.Policy)]
public sealed class ShopApprovalsController(
    MarketDbContext db, ReviewShopHandler review, TimeProvider clock, IStringLocalizer<AdminText> text) : Controller
{
    /// <summary>Null for metropolitan staff (all municipalities); the policy has refused anyone without a scope.</summary>
    private int? OwnMunicipality => StaffScope.Of(User)!.Municipality;

    [HttpGet("/admin/tiendas")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(null, ct));

    [HttpPost("/admin/tiendas/{id:int}/aprobar")]
    public Task<IActionResult> Approve(int id, CancellationToken ct) => ReviewAsync(new ReviewShop(id, ShopDecision.Approve, null, OwnMunicipality), ct);

    [HttpPost("/admin/tiendas/{id:int}/rechazar")]
    public Task<IActionResult> Reject(int id, string? reason, CancellationToken ct) => ReviewAsync(new ReviewShop(id, ShopDecision.Reject, reason, OwnMunicipality), ct);

    [HttpPost("/admin/tiendas/{id:int}/suspender")]
    public Task<IActionResult> Suspend(int id, string? reason, CancellationToken ct) => ReviewAsync(new ReviewShop(id, ShopDecision.Suspend, reason, OwnMunicipality), ct);

    [HttpPost("/admin/tiendas/{id:int}/reactivar")]
    public Task<IActionResult> Reinstate(int id, CancellationToken ct) => ReviewAsync(new ReviewShop(id, ShopDecision.Reinstate, null, OwnMunicipality), ct);

    [HttpGet("/admin/tiendas/nueva")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(await VendorPageAsync(new VendorForm { Shop = new ShopDetails { MunicipalityId = OwnMunicipality } }, [], ct));

    [HttpPost("/admin/tiendas/nueva")]
    public async Task<IActionResult> New(VendorForm form, [FromServices] RegisterVendorHandler registerVendor, CancellationToken ct)
    {
        var result = await registerVendor
            .HandleAsync(new RegisterVendor(form.VendorName, form.VendorPhone, form.Shop, OwnMunicipality), ct);
        if (result.Account is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await VendorPageAsync(form, result.Errors, ct));
        }
        return Issued(result.Account);
    }

    [HttpPost("/admin/tiendas/{id:int}/codigo")]
    public async Task<IActionResult> NewCode(int id, [FromServices] ReissueSetupCodeHandler reissue, CancellationToken ct)
    {
        var result = await reissue.HandleAsync(new ReissueSetupCode(id, OwnMunicipality), ct);
        return result.Account is { } account ? Issued(account) : await RefusedAsync(id, result, ct);
    }

    private async Task<IActionResult> ReviewAsync(ReviewShop command, CancellationToken ct)
    {
        var result = await review.HandleAsync(command, ct);
        if (result.Outcome != StaffOutcome.Done)
        {
            return await RefusedAsync(command.ShopId, result, ct, command.Reason);
        }
        TempData["Notice"] = "ShopApprovals.Decided." + command.Decision;
        return LocalRedirect("/admin/tiendas");
    }

    private async Task<IActionResult> RefusedAsync(int shopId, StaffResult result, CancellationToken ct, string? reason = null)
    {
        switch (result.Outcome)
        {
            case StaffOutcome.NotFound:
                return NotFound();
            case StaffOutcome.Forbidden:
                // A plain 403 (shown by the error page) rather than Forbid(), which redirects as if the role were missing.
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                var args = (result.Args ?? []).Select(a => a is ShopStatus s ? text["ShopStatus." + s].Value : a).ToArray();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Index", await PageAsync(new ReviewProblem(shopId, text[result.MessageKey!, args], reason), ct));
        }
    }

    /// <summary>The code is in this response only: never stored readable, never cached.</summary>
    private ViewResult Issued(VendorAccount account)
    {
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return View("Issued", account);
    }

    private async Task<ApprovalsPage> PageAsync(ReviewProblem? problem, CancellationToken ct)
    {
        var toReview = await InScope(db.Shops).AsNoTracking().Include(s => s.Municipality).Include(s => s.Hours)
            .Where(s => s.Status == ShopStatus.Pending || s.Status == ShopStatus.Rejected)
            .ToListAsync(ct);
        var ownerIds = toReview.Select(s => s.OwnerId).ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Contact: u.PhoneNumber ?? u.Email), ct);
        var waiting = await InScope(db.Shops)
            .Join(db.Users.Where(u => u.PasswordHash == null), s => s.OwnerId!, u => u.Id,
                (s, u) => new AccountToActivate(s.Id, s.Name, u.DisplayName, u.PhoneNumber ?? "", u.SetupCodeExpiresAt))
            .ToListAsync(ct);
        var operating = await InScope(db.Shops).AsNoTracking()
            .Where(s => s.Status == ShopStatus.Active || s.Status == ShopStatus.Paused || s.Status == ShopStatus.Suspended)
            .Select(s => new OperatingShop(s.Id, s.Name, s.Municipality.Name, s.Status, s.RejectionReason))
            .ToListAsync(ct);
        var rows = toReview.Select(s => owners.TryGetValue(s.OwnerId ?? "", out var o)
            ? new ShopToReview(s, o.DisplayName, o.Contact)
            : new ShopToReview(s, null, null)).ToList();
        return new ApprovalsPage(
            [.. rows.Where(r => r.Shop.Status == ShopStatus.Pending).OrderBy(r => r.Shop.Id)],
            [.. rows.Where(r => r.Shop.Status == ShopStatus.Rejected).OrderBy(r => r.Shop.Name, SpanishOrder.Names)],
            [.. waiting.OrderBy(w => w.ShopName, SpanishOrder.Names)],
            [.. operating.OrderBy(o => o.Status != ShopStatus.Suspended).ThenBy(o => o.Name, SpanishOrder.Names)],
            clock.GetUtcNow(), problem);
    }

    private async Task<VendorPage> VendorPageAsync(VendorForm form, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var own = OwnMunicipality;
        var municipalities = await db.Municipalities.Where(m => own == null || m.Id == own)
            .Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);
        return new VendorPage(form, [.. municipalities.OrderBy(m => m.Name, SpanishOrder.Names)], errors);
    }

    private IQueryable<Shop> InScope(IQueryable<Shop> shops) =>
        OwnMunicipality is { } own ? shops.Where(s => s.MunicipalityId == own) : shops;
}
