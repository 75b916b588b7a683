using Market.Orders.Payments;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Market.Web.Security;

/// <summary>
/// Security headers on every response (pages, JSON, static files, errors), Secure cookies over HTTPS, no Server header.
/// The scheme is the request's, or the proxy's X-Forwarded-Proto where ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts it.
/// </summary>
public static class SecurityExtensions
{
    private const int OneYear = 365 * 24 * 60 * 60;

    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        // Every response says DENY; antiforgery's SAMEORIGIN on form pages would only contradict it.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        // No client-side validation script is served, and its placeholder in an empty validation summary
        // (<li style="display:none">) is an inline style that style-src 'self' refuses.
        services.Configure<MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddSecurityHeaderPolicies((policies, sp) =>
        {
            var formTargets = FormTargets(sp.GetRequiredService<IOptions<PaymentsOptions>>().Value);
            policies.SetDefaultPolicy(p => Headers(p, formTargets, []));
            foreach (var (route, features) in BrowserFeatures.AllowedByRoute)
            {
                policies.AddPolicy(route, p => Headers(p, formTargets, features));
            }
            policies.SetPolicySelector(SelectByRoute);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that every response gets the headers and every cookie the Secure rule.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        return app;
    }

    // The card checkout form is answered with a redirect to Stripe's hosted page, and Chromium holds redirects to form-action.
    private static string[] FormTargets(PaymentsOptions payments) =>
        payments.CardEnabled ? [payments.CheckoutOrigin.GetLeftPart(UriPartial.Authority)] : [];

    private static IReadOnlyHeaderPolicyCollection SelectByRoute(PolicySelectorContext context) =>
        context.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route }
        && context.ConfiguredPolicies.TryGetValue("/" + route.TrimStart('/'), out var policy)
            ? policy
            : context.SelectedPolicy;

    private static void Headers(HeaderPolicyCollection policy, string[] formTargets, IReadOnlyCollection<string> allowedFeatures) =>
        policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(o => o.SameOrigin())
            // Only over HTTPS, and never to a loopback host such as 127.0.0.1 (the package leaves those out).
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(OneYear)
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                // Product photos and shop logos are served by the app itself, under /media.
                csp.AddImgSrc().Self();
                // In Chromium 'self' also covers ws:/wss: to this host, which the SignalR hub uses.
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self().From(formTargets);
            })
            .AddPermissionsPolicy(permissions =>
            {
                foreach (var feature in BrowserFeatures.Denied.Union(allowedFeatures))
                {
                    permissions.AddCustomFeature(feature, allowedFeatures.Contains(feature) ? "(self)" : "()");
                }
            });
}
