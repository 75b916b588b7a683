using Market.Admin.Staff;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Accounts;

/// <summary>Metropolitan staff look after sign-in: the waits failed sign-ins caused, and the staff accounts' second factor and sessions.</summary>
[Authorize(Roles = Roles.MetroStaff)]
public sealed class StaffSecurityController(MarketDbContext db, SignInThrottle throttle, AuditTrail audit, TimeProvider clock) : Controller
{
    [HttpGet("/admin/seguridad")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var staffRoles = await db.Roles.Where(r => r.Name == Roles.MunicipalStaff || r.Name == Roles.MetroStaff).Select(r => r.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var staff = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && staffRoles.Contains(r.RoleId)))
            .Select(u => new StaffAccount(u.Id, u.DisplayName, u.Email ?? u.PhoneNumber ?? u.UserName ?? "",
                db.Municipalities.Where(m => m.Id == u.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                u.MunicipalityId == null, u.TwoFactorEnabled, u.TwoFactorRequired,
                db.UserSessions.Count(s => s.UserId == u.Id && s.RevokedAt == null && s.ExpiresAt > now)))
            .ToListAsync(ct);
        return View("/Accounts/StaffSecurity.cshtml", new StaffSecurityPage(await throttle.ListAsync(),
            [.. staff.OrderBy(s => s.Municipality ?? "").ThenBy(s => s.Name, StringComparer.CurrentCulture)]));
    }

    [HttpPost("/admin/seguridad/esperas/quitar")]
    public async Task<IActionResult> ClearThrottle(string? login, string? address, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(login) || login.Length > LoginName.MaxLength + 8 || address?.Length > 64)
        {
            return BadRequest();
        }
        await throttle.ClearAsync(login, string.IsNullOrEmpty(address) ? null : address);
        audit.Record("signin-throttle.clear", "login:" + login, null, new { Login = login, Address = address }, null);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "StaffSecurity.ThrottleCleared";
        return LocalRedirect("/admin/seguridad");
    }

    /// <summary>Marks a municipal staff account as needing an authenticator app; its sessions end, so it enrols at its next sign-in.</summary>
    [HttpPost("/admin/seguridad/personal/{id}/segundo-factor")]
    public async Task<IActionResult> RequireSecondFactor(string id, bool required, CancellationToken ct)
    {
        var user = await StaffAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        if (user.TwoFactorRequired != required)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            audit.Record(required ? "account.require-second-factor" : "account.waive-second-factor", "account:" + user.Id, user.MunicipalityId,
                new { user.DisplayName, Required = user.TwoFactorRequired }, new { user.DisplayName, Required = required });
            user.TwoFactorRequired = required;
            await db.SaveChangesAsync(ct);
            if (required && !user.TwoFactorEnabled)
            {
                await UserSessions.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), ct);
            }
            await tx.CommitAsync(ct);
        }
        TempData["Flash"] = required ? "StaffSecurity.SecondFactorRequired" : "StaffSecurity.SecondFactorWaived";
        return LocalRedirect("/admin/seguridad");
    }

    [HttpPost("/admin/seguridad/personal/{id}/cerrar-sesiones")]
    public async Task<IActionResult> RevokeSessions(string id, CancellationToken ct)
    {
        var user = await StaffAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await UserSessions.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), ct);
        audit.Record("account.revoke-sessions", "account:" + user.Id, user.MunicipalityId, null, new { user.DisplayName, Sessions = ended });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = "StaffSecurity.SessionsEnded";
        return LocalRedirect("/admin/seguridad");
    }

    /// <summary>Only staff accounts are looked after here: a resident's or shopkeeper's id is as unknown as a made-up one.</summary>
    private async Task<AppUser?> StaffAsync(string id, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id && db.UserRoles.Any(r => r.UserId == u.Id
            && db.Roles.Any(role => role.Id == r.RoleId && (role.Name == Roles.MunicipalStaff || role.Name == Roles.MetroStaff))), ct);
}

public sealed record StaffAccount(string Id, string Name, string Login, string? Municipality, bool Metropolitan, bool SecondFactorOn,
    bool SecondFactorRequired, int OpenSessions);

public sealed record StaffSecurityPage(IReadOnlyList<ThrottleRow> Throttles, IReadOnlyList<StaffAccount> Staff);
