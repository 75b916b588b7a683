using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Market.Tests.Integration.Spine;
using Market.Tests.Integration.Storefront;
using Market.Tests.Support;

namespace Market.Tests.Integration.Transfer;

/// <summary>
/// What goes over the wire to a slow phone: Brotli or gzip for static files and the public storefront, nothing
/// compressed where a secret sits next to what the visitor typed (ADR 0010).
/// </summary>
public sealed partial class CompressionTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    public static TheoryData<string, string> Kinds => new()
    {
        { "html", "br" }, { "html", "gzip" },
        { "css", "br" }, { "css", "gzip" },
        { "js", "br" }, { "js", "gzip" },
        { "json", "br" }, { "json", "gzip" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PublicAnswers_AreCompressed_AsTheBrowserAsks(string kind, string encoding)
    {
        var home = await Host.CreateClient().GetStringAsync("/");
        using var request = kind switch
        {
            "html" => new HttpRequestMessage(HttpMethod.Get, "/?q=queso"),
            "css" => new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(StylesheetHref().Match(home).Groups[1].Value)),
            "js" => new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(CartScriptSrc().Match(home).Groups[1].Value)),
            _ => AddToCart(StorefrontHtml.FirstProductId(home)),
        };
        request.Headers.Add("Accept-Encoding", encoding);

        using var response = await Host.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        var compressed = await response.Content.ReadAsByteArrayAsync();
        var text = Decompress(compressed, encoding);
        if (kind != "json")
        {
            // A hundred-byte JSON answer gains a few bytes of framing; a page, a stylesheet or a script shrinks.
            compressed.Length.ShouldBeLessThan(Encoding.UTF8.GetByteCount(text));
        }
        text.ShouldContain(kind switch
        {
            "html" => "Mercado Cercano",
            "css" => ".toast",
            "js" => "/carrito/agregar",
            _ => "\"count\":1",
        });
    }

    [Fact]
    public async Task PagesWithSecrets_OrForSomeoneSignedIn_GoOutUncompressed()
    {
        var (resident, _) = await Host.SignInAsync("vecina@demo.sv");

        using var signIn = await Send(Host.CreateClient(), "/cuenta/ingresar?returnUrl=%2Fcarrito");
        using var security = await Send(resident, "/cuenta/seguridad");
        using var storefrontSignedIn = await Send(resident, "/?q=queso");
        using var ownOrders = await Send(resident, "/mis-pedidos");

        foreach (var response in new[] { signIn, security, storefrontSignedIn, ownOrders })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, response.RequestMessage!.RequestUri!.ToString());
            response.Content.Headers.ContentEncoding.ShouldBeEmpty(response.RequestMessage.RequestUri.ToString());
            (await response.Content.ReadAsStringAsync()).ShouldContain("</html>");
        }
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("__RequestVerificationToken");
    }

    private static HttpRequestMessage AddToCart(int productId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/carrito/agregar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        return client.SendAsync(request);
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();

    [GeneratedRegex("<script src=\"(/js/cart\\.js[^\"]*)\"")]
    private static partial Regex CartScriptSrc();
}
