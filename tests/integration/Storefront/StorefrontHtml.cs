using System.Net;
using System.Text.RegularExpressions;

namespace Market.Tests.Integration.Storefront;

/// <summary>What a resident reads on a storefront page: the products listed, a product's price, the cart count.</summary>
internal static partial class StorefrontHtml
{
    public static int FirstProductId(string page) => int.Parse(ProductIds().Match(page).Groups[1].Value);

    public static List<int> ProductIdsIn(string page) => [.. ProductIds().Matches(page).Select(m => int.Parse(m.Groups[1].Value))];

    /// <summary>Every product listed at the address, page after page through the pager's "Siguiente" link, as a resident would scroll.</summary>
    public static async Task<List<int>> EveryProductIdAsync(HttpClient client, string url)
    {
        List<int> ids = [];
        for (var next = url; next is not null;)
        {
            var page = await client.GetStringAsync(next);
            ids.AddRange(ProductIdsIn(page));
            next = NextPage().Match(page) is { Success: true } link ? WebUtility.HtmlDecode(link.Groups[1].Value) : null;
            ids.Count.ShouldBeLessThan(10_000, "the pager never ends");
        }
        return ids;
    }

    public static string PriceOf(string page, int productId) =>
        Regex.Match(page, $"id=\"producto-{productId}\">.*?<strong>([^<]+)</strong>", RegexOptions.Singleline).Groups[1].Value;

    /// <summary>The product's card, from its article tag to the end of the article.</summary>
    public static string CardOf(string page, int productId) =>
        Regex.Match(page, $"<article class=\"card product\" id=\"producto-{productId}\">.*?</article>", RegexOptions.Singleline).Value;

    public static string CartCount(string page) => CartBadge().Match(page).Groups[1].Value;

    [GeneratedRegex("id=\"producto-(\\d+)\"")]
    private static partial Regex ProductIds();

    [GeneratedRegex("data-testid=\"cart-count\">(\\d+)<")]
    private static partial Regex CartBadge();

    [GeneratedRegex("<a href=\"([^\"]+)\">Siguiente</a>")]
    private static partial Regex NextPage();
}
