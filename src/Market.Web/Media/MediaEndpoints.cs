using System.Text.RegularExpressions;
using Market.Core.Media;
using Microsoft.Net.Http.Headers;

namespace Market.Web.Media;

/// <summary>Serves photo renditions from the blob store. Names are content hashes, so a response never changes.</summary>
public static partial class MediaEndpoints
{
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{name}", async (string name, IBlobStore store, HttpContext context, CancellationToken ct) =>
        {
            if (!RenditionName().IsMatch(name) || await store.OpenAsync(name, ct) is not { } blob)
            {
                return Results.NotFound();
            }
            context.Response.Headers[HeaderNames.CacheControl] = "public,max-age=31536000,immutable";
            return Results.Stream(blob.Content, blob.ContentType);
        });

    [GeneratedRegex("^[0-9a-f]{32}-(320|1200)\\.(webp|jpg)$")]
    private static partial Regex RenditionName();
}
