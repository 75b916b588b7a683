using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Cart;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Storefront;

/// <summary>"Agregar" keeps the resident where they were: a JSON answer for the page's script, or back to the product's card.</summary>
public sealed partial class AddToCartTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task AddWithScript_AnswersTheNewCount_AndWhatWasAdded_AndTheHeaderAgrees()
    {
        var visitor = Host.CreateClient();
        var first = StorefrontHtml.FirstProductId(await visitor.GetStringAsync("/"));
        var name = await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Id == first).Select(p => p.Name).SingleAsync());

        using var once = await PostAsync(visitor, first, "2", json: true, returnUrl: "/");
        var afterOnce = await once.Content.ReadFromJsonAsync<CartAdded>();
        using var twice = await PostAsync(visitor, first, "1", json: true, returnUrl: "/");
        var afterTwice = await twice.Content.ReadFromJsonAsync<CartAdded>();

        once.StatusCode.ShouldBe(HttpStatusCode.OK);
        once.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        afterOnce.ShouldBe(new CartAdded(2, $"Agregaste {name} al carrito. Productos en el carrito: 2."));
        afterTwice!.Count.ShouldBe(3);
        var page = await visitor.GetStringAsync("/?q=" + Uri.EscapeDataString(name));
        StorefrontHtml.CartCount(page).ShouldBe("3");
        // Nothing is left for a later page to say: the script said it.
        page.ShouldNotContain("Agregado al carrito.");
    }

    [Fact]
    public async Task AddWithoutScript_ComesBackToTheSameProductInTheList_KeepingThePage_AndSaysItThere()
    {
        var visitor = Host.CreateClient(followRedirects: false);
        const string list = "/?pagina=2";
        var page = await visitor.GetStringAsync(list);
        var form = AddForms().Matches(page).Select(m => (Id: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), ReturnUrl: WebUtility.HtmlDecode(m.Groups[2].Value))).Skip(3).First();
        form.ReturnUrl.ShouldBe($"{list}#producto-{form.Id}");

        using var added = await PostAsync(visitor, form.Id, "1", json: false, returnUrl: form.ReturnUrl);

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.Headers.Location!.OriginalString.ShouldBe($"{list}#producto-{form.Id}");
        var back = await visitor.GetStringAsync(list);
        StorefrontHtml.CardOf(back, form.Id).ShouldContain("<p class=\"added\" data-testid=\"added-here\">Agregado al carrito. <a href=\"/carrito\">Ver carrito</a></p>");
        back.Split("data-testid=\"added-here\"").Length.ShouldBe(2);
        StorefrontHtml.CartCount(back).ShouldBe("1");
        (await visitor.GetStringAsync(list)).ShouldNotContain("data-testid=\"added-here\"");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int productId, string quantity, bool json, string returnUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/carrito/agregar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["productId"] = productId.ToString(CultureInfo.InvariantCulture),
                ["quantity"] = quantity,
                ["returnUrl"] = returnUrl,
            }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (json)
        {
            request.Headers.Add("Accept", "application/json");
        }
        return client.SendAsync(request);
    }

    [GeneratedRegex("name=\"productId\" value=\"(\\d+)\" />\\s*<input type=\"hidden\" name=\"quantity\" value=\"1\" />\\s*<input type=\"hidden\" name=\"returnUrl\" value=\"([^\"]+)\"")]
    private static partial Regex AddForms();
}
