using Market.Core.Catalog;

namespace Market.Web.Shared;

/// <summary>
/// A product photo shown large: the 320- and 1200-px renditions for the browser to choose from, WebP with a JPEG
/// fallback. Only the first is fetched at once (it is what the page opens on); the others wait until scrolled to.
/// </summary>
public sealed record LargePhoto(ProductPhoto Photo, string Alt, bool First)
{
    /// <summary>As wide as the page's main column, at most 40rem (see .gallery in site.css).</summary>
    public const string Sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
}
