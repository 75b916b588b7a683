using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;

namespace Market.Tests.Integration.Transfer;

/// <summary>The icons a phone asks for, and how long a browser may keep each static file.</summary>
public sealed partial class StaticFilesTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Immutable = "public, max-age=31536000, immutable";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task FaviconTouchIconAndManifest_AreServed_WithTheirTypes_AndTheManifestsIconsHaveTheirSizes()
    {
        var client = Host.CreateClient();

        using var favicon = await client.GetAsync("/favicon.ico");
        using var touch = await client.GetAsync("/apple-touch-icon.png");
        using var manifest = await client.GetAsync("/site.webmanifest");

        favicon.StatusCode.ShouldBe(HttpStatusCode.OK);
        favicon.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
        var ico = await favicon.Content.ReadAsByteArrayAsync();
        (BinaryPrimitives.ReadInt16LittleEndian(ico.AsSpan(2)), BinaryPrimitives.ReadInt16LittleEndian(ico.AsSpan(4))).ShouldBe(((short)1, (short)3));
        touch.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        PngSize(await touch.Content.ReadAsByteArrayAsync()).ShouldBe((180, 180));
        manifest.Content.Headers.ContentType!.MediaType.ShouldBe("application/manifest+json");
        using var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("name").GetString().ShouldBe("Mercado Cercano");
        var sizes = new List<string>();
        foreach (var icon in json.RootElement.GetProperty("icons").EnumerateArray())
        {
            using var image = await client.GetAsync(icon.GetProperty("src").GetString());
            image.Content.Headers.ContentType!.MediaType.ShouldBe(icon.GetProperty("type").GetString());
            var (width, height) = PngSize(await image.Content.ReadAsByteArrayAsync());
            var size = $"{width}x{height}";
            size.ShouldBe(icon.GetProperty("sizes").GetString());
            sizes.Add(size);
        }
        sizes.ShouldContain("192x192");
        sizes.ShouldContain("512x512");
    }

    [Fact]
    public async Task TheLayout_LinksTheIcons_AndTheManifest()
    {
        var home = await Host.CreateClient().GetStringAsync("/");

        home.ShouldMatch("<link rel=\"icon\" href=\"/favicon.ico\\?v=[^\"]+\"");
        home.ShouldMatch("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\\?v=[^\"]+\"");
        home.ShouldContain("<link rel=\"manifest\" href=\"/site.webmanifest\"");
    }

    [Fact]
    public async Task AFingerprintedFile_IsKeptForAYear_AnyOtherAddressIsAskedAgain()
    {
        var client = Host.CreateClient();
        var home = await client.GetStringAsync("/");
        var css = WebUtility.HtmlDecode(StylesheetHref().Match(home).Groups[1].Value);
        var script = WebUtility.HtmlDecode(CartScriptSrc().Match(home).Groups[1].Value);
        css.ShouldStartWith("/css/site.css?v=");

        using var fingerprinted = await client.GetAsync(css);
        using var fingerprintedScript = await client.GetAsync(script);
        using var plain = await client.GetAsync("/css/site.css");
        using var stale = await client.GetAsync("/css/site.css?v=una-version-vieja");
        using var manifest = await client.GetAsync("/site.webmanifest");
        using var page = await client.GetAsync("/");

        fingerprinted.Headers.CacheControl!.ToString().ShouldBe(Immutable);
        fingerprintedScript.Headers.CacheControl!.ToString().ShouldBe(Immutable);
        plain.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        plain.Headers.ETag.ShouldNotBeNull();
        stale.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        manifest.Headers.CacheControl!.ToString().ShouldBe("no-cache");
        (page.Headers.CacheControl?.ToString() ?? "").ShouldNotContain("immutable");
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        png.AsSpan(1, 3).ToArray().ShouldBe("PNG"u8.ToArray());
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();

    [GeneratedRegex("<script src=\"(/js/cart\\.js[^\"]*)\"")]
    private static partial Regex CartScriptSrc();
}
