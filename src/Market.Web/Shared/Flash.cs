namespace Market.Web.Shared;

/// <summary>
/// One-time messages ("Agregado al carrito") travel in the TempData cookie. Reading TempData when that cookie is
/// absent still makes the response delete it, and a response that sets a cookie cannot be shared from the
/// storefront cache, so pages look for the cookie first.
/// </summary>
public static class Flash
{
    public const string Cookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static bool Pending(HttpRequest request) => request.Cookies.ContainsKey(Cookie);
}
