using System.Globalization;
using System.Threading.RateLimiting;
using Market.Web.Api;
using Market.Web.Resources;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Market.Web.Operations;

/// <summary>What a throttled client gets: Retry-After, and the message as problem details for the API or as the error page for people.</summary>
internal static class TooManyRequests
{
    public static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken _)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers[HeaderNames.RetryAfter] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        if (ApiProblems.Answers(context.Request))
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
            await ApiProblems.Problem(text, StatusCodes.Status429TooManyRequests, text["Operations.TooManyRequests"]).ExecuteAsync(context);
        }
        // Pages get no body here, so the status-code pages show the site's error page with the message.
    }
}
