using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Market.Web.Cart;
using Market.Web.Nearby;
using Market.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace Market.Web.Storefront;

public sealed class StorefrontCacheOptions
{
    public const string Section = "StorefrontCache";

    /// <summary>How long an anonymous resident may see a listing that is older than the catalog.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The storefront as anonymous residents see it, kept for a few seconds: neighbours of one colonia ask for the same
/// page. A page is only shared between requests that would render it alike: same words and filters, language,
/// remembered location and cart size. Nothing is shared with a signed-in user or when a one-time message is due
/// (TempData), and a response that sets a cookie is never kept. See docs/adr/0008-storefront-kept-answers.md.
/// </summary>
public sealed class StorefrontCachePolicy(TimeSpan duration) : IOutputCachePolicy
{
    public const string Name = "Storefront";
    public const string Tag = "storefront";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var shared = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !Flash.Pending(http.Request);
        context.EnableOutputCaching = shared;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["location"] = http.Request.Cookies[LocationCookie.Name] ?? "";
        context.CacheVaryByRules.VaryByValues["cart"] = CartCookie.Read(http.Request).Sum(l => l.Quantity).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
