using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Market.Web.Transfer;

/// <summary>
/// Brotli or gzip for static files and for the answers marked <see cref="CompressibleAttribute"/>; everything else
/// (account pages, checkout, the shop's inbox, the API) goes out as it is, because a secret next to reflected input
/// in a compressed answer can be guessed by its length (ADR 0010).
/// </summary>
public sealed class SharedAnswerCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        if (!base.ShouldCompressResponse(context))
        {
            return false;
        }
        // Static files are answered before routing, so they have no endpoint; they are the same for everyone.
        if (context.GetEndpoint() is not { } endpoint)
        {
            return true;
        }
        if (endpoint.Metadata.GetMetadata<CompressibleAttribute>() is null)
        {
            return false;
        }
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        return !html || context.User.Identity?.IsAuthenticated != true;
    }
}
