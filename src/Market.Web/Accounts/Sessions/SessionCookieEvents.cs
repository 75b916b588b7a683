using System.Security.Claims;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Accounts.Sessions;

/// <summary>
/// Ties the sign-in cookie to a <see cref="UserSession"/> row: every sign-in opens one, every request checks it is still
/// open (one primary-key read), and signing out closes it. A copy of the cookie is then worth nothing after sign-out,
/// on any web node, without sharing anything but the database.
/// </summary>
internal sealed class SessionCookieEvents(MarketDbContext db, TimeProvider clock) : CookieAuthenticationEvents
{
    // A device the person asked to remember stays signed in for a month at most; otherwise for a day.
    private static readonly TimeSpan RememberedLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(1);

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }
        var now = clock.GetUtcNow();
        // A new cookie for the same device (after enrolling a second factor, say) replaces the session of the old one.
        await RevokeAsync(context.HttpContext.User.FindFirstValue(MarketClaims.Session), now);
        var request = context.HttpContext.Request;
        var session = UserSession.Start(userId, now, context.Properties.IsPersistent ? RememberedLifetime : SessionLifetime,
            context.HttpContext.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString());
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(MarketClaims.Session, session.Id));
        context.Properties.ExpiresUtc = session.ExpiresAt;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        var id = context.Principal?.FindFirstValue(MarketClaims.Session);
        var lastSeen = id is null ? null : await db.UserSessions.AsNoTracking().Where(s => s.Id == id).Where(UserSession.ActiveAt(now))
            .Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (lastSeen is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (now - lastSeen > UserSession.SeenGranularity)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), context.HttpContext.RequestAborted);
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        ApiAwareRedirect(context, StatusCodes.Status403Forbidden);

    /// <summary>API and hub callers get a status code, people get the sign-in page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    public override Task SigningOut(CookieSigningOutContext context) =>
        RevokeAsync(context.HttpContext.User.FindFirstValue(MarketClaims.Session), clock.GetUtcNow());

    private Task RevokeAsync(string? id, DateTimeOffset now) => id is null
        ? Task.CompletedTask
        : db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now));
}
