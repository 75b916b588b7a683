using System.Globalization;
using Market.Orders.Checkout;

namespace Market.Web.Cart;

/// <summary>The cart lives in a cookie as "productId:quantity" pairs: no account needed, and prices are never stored.</summary>
public static class CartCookie
{
    private const string Name = "mc.cart";
    private const string BrowserName = "mc.browser";

    public static IReadOnlyList<CartLine> Read(HttpRequest request)
    {
        var lines = new List<CartLine>();
        foreach (var pair in (request.Cookies[Name] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
                && quantity is > 0 and <= CartPricing.MaxQuantity)
            {
                lines.Add(new CartLine(id, quantity));
            }
        }
        return CartPricing.Merge(lines).Take(CartPricing.MaxLines).ToList();
    }

    public static void Write(HttpResponse response, IEnumerable<CartLine> lines)
    {
        var value = string.Join('.', lines.Where(l => l.Quantity > 0)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ProductId}:{l.Quantity}")));
        response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(14),
        });
    }

    /// <summary>A guest's cart identity, issued when checkout opens: it makes the checkout's idempotency key this browser's own (ADR 0009).</summary>
    public static string? BrowserId(HttpRequest request) =>
        request.Cookies[BrowserName] is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : null;

    public static void IssueBrowserId(HttpRequest request, HttpResponse response)
    {
        if (BrowserId(request) is null)
        {
            response.Cookies.Append(BrowserName, Guid.NewGuid().ToString("N"), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(14),
            });
        }
    }
}
