using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Market.Web.Cart;

/// <summary>
/// Cross-site request protection without a per-visitor token, for forms on pages that are shared between visitors
/// (the cached storefront): the browser says where the post came from (Sec-Fetch-Site, or else Origin), and a post
/// from another site is refused. A client that sends neither is no browser, and cannot ride a resident's cookies.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameSiteFormAttribute : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var fromElsewhere = site.Length > 0
            ? site is not ("same-origin" or "none")
            : request.Headers.Origin.ToString() is { Length: > 0 } origin
                && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        if (fromElsewhere)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
