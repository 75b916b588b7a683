using System.Text.RegularExpressions;

namespace Market.Tests.Integration.Storefront;

/// <summary>What a resident reads on a storefront page: the products listed, a product's price, the cart count.</summary>
internal static partial class StorefrontHtml
{
    public static int FirstProductId(string page) => int.Parse(ProductIds().Match(page).Groups[1].Value);

    public static string PriceOf(string page, int productId) =>
        Regex.Match(page, $"id=\"producto-{productId}\">.*?<strong>([^<]+)</strong>", RegexOptions.Singleline).Groups[1].Value;

    public static string CartCount(string page) => CartBadge().Match(page).Groups[1].Value;

    [GeneratedRegex("id=\"producto-(\\d+)\"")]
    private static partial Regex ProductIds();

    [GeneratedRegex("data-testid=\"cart-count\">(\\d+)<")]
    private static partial Regex CartBadge();
}
