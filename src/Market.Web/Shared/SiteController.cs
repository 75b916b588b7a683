using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Market.Web.Shared;

public sealed class SiteController : Controller
{
    [HttpGet("/idioma")]
    public IActionResult Language(string cultura, string? volver)
    {
        if (WebExtensions.Cultures.Any(c => c.Name == cultura))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(cultura)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
        }
        return LocalRedirect(Url.IsLocalUrl(volver) ? volver : "/");
    }

    [Route("/error/{status:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? status) => View("Error", status ?? StatusCodes.Status500InternalServerError);
}
