using Market.Core.Accounts;
using Market.Core.Data;
using Market.Web.Accounts.Passwords;
using Market.Web.Accounts.Sessions;
using Microsoft.AspNetCore.Identity;

namespace Market.Web.Accounts;

public static class AccountsExtensions
{
    /// <summary>Identity with our password rules and messages, server-side sessions, the sign-in throttle and second factors.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Uniqueness of e-mail and phone is UniqueIdentities' job: Identity's own would demand an e-mail of everyone.
                o.User.RequireUniqueEmail = false;
                // Lockout lets anyone lock anyone out; failed sign-ins are throttled per address instead (SignInThrottle).
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<MarketDbContext>()
            .AddUserStore<MarketUserStore>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddUserValidator<UniqueIdentities>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<MarketClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/cuenta/ingresar";
            o.LogoutPath = "/cuenta/salir";
            o.AccessDeniedPath = "/cuenta/denegado";
            o.Cookie.Name = "mc.auth";
            o.SlidingExpiration = true;
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.AddScoped<SessionCookieEvents>();
        // The security stamp check rebuilds the principal now and then; it must keep pointing at the same session.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(MarketClaims.Session) is { } session && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaim(new System.Security.Claims.Claim(MarketClaims.Session, session.Value));
            }
            return Task.CompletedTask;
        });

        services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<UseSetupCodeHandler>();
        return builder;
    }
}
