using Market.Core.Accounts;

namespace Market.Web.Accounts;

/// <summary>Where a sign-in (or sign-up) sends the person afterwards: back where they came from, or their role's home.</summary>
public static class ReturnAddress
{
    private const int MaxLength = 2000;

    /// <summary>
    /// The address if it is a path on this site, else null. Stricter than IsLocalUrl: browsers drop tabs and line breaks
    /// and read "\" as "/", so "/\t/evil" and "/\evil" would leave the site; "~/" means nothing to a browser.
    /// </summary>
    public static string? Local(string? address) =>
        address is { Length: > 0 and <= MaxLength }
        && address[0] == '/'
        && (address.Length == 1 || address[1] is not ('/' or '\\'))
        && !address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? address
            : null;

    /// <summary>With no address to go back to: staff to their administration, shopkeepers to their orders inbox, residents home.</summary>
    public static string HomeFor(ICollection<string> roles) =>
        roles.Contains(Roles.MunicipalStaff) || roles.Contains(Roles.MetroStaff) ? "/admin"
        : roles.Contains(Roles.Shopkeeper) ? "/tienda/pedidos"
        : "/";

    /// <summary>The sign-in link of the page being shown, so signing in comes back to it (not from the account pages themselves).</summary>
    public static string SignInLink(HttpRequest request)
    {
        var here = request.Path + request.QueryString;
        return request.Path.StartsWithSegments("/cuenta") || Local(here) is null || here == "/"
            ? "/cuenta/ingresar"
            : "/cuenta/ingresar?returnUrl=" + Uri.EscapeDataString(here);
    }
}
