using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Market.Web.Transfer;

/// <summary>Fewer bytes to slow phones: compression where it is safe, and static files cached for as long as they cannot change (ADR 0010).</summary>
public static class TransferExtensions
{
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>A file asked for without its fingerprint may change under the same address: the browser asks again each time, and an ETag makes that cheap.</summary>
    public const string Revalidate = "no-cache";

    public static IServiceCollection AddTransfer(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too: what is compressed is chosen by SharedAnswerCompression, not by the scheme.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/manifest+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SharedAnswerCompression>();
        return services;
    }

    public static WebApplication UseTransfer(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => c.Context.Response.Headers[HeaderNames.CacheControl] = CacheControl(c.Context) });
        return app;
    }

    /// <summary>Immutable only for the fingerprint asp-append-version gives the file as it is now; an old or made-up one may not pin it.</summary>
    private static string CacheControl(HttpContext context)
    {
        var request = context.Request;
        if (request.Query["v"] is not [{ Length: > 0 } version])
        {
            return Revalidate;
        }
        var current = context.RequestServices.GetRequiredService<IFileVersionProvider>().AddFileVersionToPath(request.PathBase, request.Path.Value!);
        return current == request.Path.Value + "?v=" + version ? Immutable : Revalidate;
    }
}
