using Market.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Market.Web.Api;

/// <summary>
/// A state-changing API call must be JSON, which no form and no no-cors fetch can send, and must not come from another
/// site: a foreign page then cannot move a shop's orders with the shopkeeper's cookie, whatever the cookie's SameSite.
/// </summary>
internal static class SameOriginJson
{
    /// <summary>Puts the check on every endpoint of the group that is not a read (GET or HEAD), present and future.</summary>
    public static TBuilder GuardChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
            {
                endpoint.FilterFactories.Add((_, next) => context =>
                    Refusal(context.HttpContext) is { } refusal ? ValueTask.FromResult<object?>(refusal) : next(context));
            }
        });
        return builder;
    }

    private static IResult? Refusal(HttpContext context)
    {
        var request = context.Request;
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        // The browser's own verdict when it sends one (every current browser does); Origin for the browsers before it.
        var foreign = request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site
            ? site is "cross-site" or "same-site"
            : request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsOwn(origin, request);
        if (foreign)
        {
            return ApiProblems.Problem(text, StatusCodes.Status403Forbidden, text["Api.CrossSite"]);
        }
        return request.HasJsonContentType()
            ? null
            : ApiProblems.Problem(text, StatusCodes.Status415UnsupportedMediaType, text["Api.JsonOnly"]);
    }

    private static bool IsOwn(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
}
