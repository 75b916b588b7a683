using System.Security.Claims;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Web.Accounts.Sessions;
using Market.Web.Operations;
using Market.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using QRCoder;

namespace Market.Web.Accounts;

/// <summary>One's own account: signed-in devices, the password, and the authenticator app for a second factor.</summary>
[Authorize]
[BeforeSecondFactor]
public sealed class AccountSecurityController(
    MarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, IStringLocalizer<Ui> text) : Controller
{
    private const string Issuer = "Mercado Cercano";

    [HttpGet("/cuenta/seguridad")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("/Accounts/Security.cshtml", await PageAsync(ct));

    [HttpPost("/cuenta/seguridad/contrasena")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> ChangePassword(string? current, string? password, CancellationToken ct)
    {
        var user = await CurrentUserAsync();
        var changed = await users.ChangePasswordAsync(user, current ?? "", password ?? "");
        if (!changed.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("/Accounts/Security.cshtml", await PageAsync(ct, [.. changed.Errors.Select(e => e.Description)]));
        }
        // Whoever else holds a session of this account (a stolen phone, say) is out; this device signs in afresh.
        await UserSessions.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), ct, except: User.FindFirstValue(MarketClaims.Session));
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Security.PasswordChanged";
        return LocalRedirect("/cuenta/seguridad");
    }

    [HttpPost("/cuenta/seguridad/cerrar-sesiones")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken ct)
    {
        await UserSessions.RevokeAllAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), ct);
        await signIn.SignOutAsync();
        TempData["Flash"] = "Security.SignedOutEverywhere";
        return LocalRedirect("/cuenta/ingresar");
    }

    [HttpGet("/cuenta/seguridad/autenticador")]
    public async Task<IActionResult> Authenticator()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/cuenta/seguridad");
        }
        return View("/Accounts/Authenticator.cshtml", await EnrolmentAsync(user, null));
    }

    /// <summary>The code typed proves the app holds the key; only then is the second factor on, and the recovery codes shown, once.</summary>
    [HttpPost("/cuenta/seguridad/autenticador")]
    public async Task<IActionResult> Authenticator(string? code)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/cuenta/seguridad");
        }
        var digits = string.Concat((code ?? "").Where(char.IsAsciiDigit));
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("/Accounts/Authenticator.cshtml", await EnrolmentAsync(user, text["SecondFactor.Wrong"]));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(codes);
    }

    [HttpPost("/cuenta/seguridad/codigos")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await CurrentUserAsync();
        return user.TwoFactorEnabled ? RecoveryCodes(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10)) : LocalRedirect("/cuenta/seguridad");
    }

    /// <summary>Only where nobody requires it: staff who must use a second factor cannot turn it off themselves.</summary>
    [HttpPost("/cuenta/seguridad/autenticador/quitar")]
    public async Task<IActionResult> RemoveAuthenticator(CancellationToken ct)
    {
        var user = await CurrentUserAsync();
        if (await MustUseSecondFactorAsync(user))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("/Accounts/Security.cshtml", await PageAsync(ct, [text["Security.SecondFactorRequired"]]));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Security.SecondFactorRemoved";
        return LocalRedirect("/cuenta/seguridad");
    }

    private ViewResult RecoveryCodes(IEnumerable<string>? codes)
    {
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        return View("/Accounts/RecoveryCodes.cshtml", codes?.ToList() ?? []);
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user without an account.");

    private async Task<bool> MustUseSecondFactorAsync(AppUser user) => user.TwoFactorRequired || await users.IsInRoleAsync(user, Roles.MetroStaff);

    private async Task<SecurityPage> PageAsync(CancellationToken ct, IReadOnlyList<string>? errors = null)
    {
        var user = await CurrentUserAsync();
        var now = clock.GetUtcNow();
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == user.Id).Where(UserSession.ActiveAt(now))
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
        return new SecurityPage(sessions, User.FindFirstValue(MarketClaims.Session), user.TwoFactorEnabled,
            await MustUseSecondFactorAsync(user), user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, errors ?? []);
    }

    private async Task<EnrolmentPage> EnrolmentAsync(AppUser user, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var account = user.Email ?? user.PhoneNumber ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new EnrolmentPage(string.Join(' ', key!.Chunk(4).Select(c => new string(c))), new SvgQRCode(qr).GetGraphic(5),
            await MustUseSecondFactorAsync(user), error);
    }
}

public sealed record SecurityPage(IReadOnlyList<UserSession> Sessions, string? CurrentSession, bool SecondFactorOn, bool SecondFactorRequired,
    int RecoveryCodesLeft, IReadOnlyList<string> Errors);

public sealed record EnrolmentPage(string Key, string QrSvg, bool Required, string? Error);
