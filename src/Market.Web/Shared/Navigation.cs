using System.Security.Claims;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Http;

namespace Market.Web.Shared;

/// <summary>One link of the header: the few a role uses most stand in the bar, the rest wait behind the menu button.</summary>
public sealed record NavLink(string Href, string TextKey, bool InBar = false);

/// <summary>What the header offers each role, and which of its links is the page being shown.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavLink> For(ClaimsPrincipal user)
    {
        var links = new List<NavLink>();
        var staff = user.IsInRole(Roles.MunicipalStaff) || user.IsInRole(Roles.MetroStaff);
        if (user.IsInRole(Roles.Shopkeeper))
        {
            links.Add(new("/tienda/pedidos", "Nav.ShopOrdersShort", InBar: true));
            links.Add(new("/tienda/catalogo", "Nav.Catalog"));
            links.Add(new("/mi-tienda", "Nav.MyShop"));
            links.Add(new("/mis-puestos", "Nav.Stalls"));
            links.Add(new("/tienda/cuenta", "Nav.Payments"));
        }
        if (staff)
        {
            links.Add(new("/admin", "Nav.Territory", InBar: true));
            links.Add(new("/admin/tiendas", "Nav.ShopApprovals"));
            links.Add(new("/admin/mercados", "Nav.MarketDays"));
            links.Add(new("/admin/auditoria", "Nav.Audit"));
            if (user.IsInRole(Roles.MetroStaff))
            {
                links.Add(new("/admin/categorias", "Nav.Categories"));
                links.Add(new("/admin/liquidaciones", "Payments.Nav.Settlements"));
                links.Add(new("/admin/seguridad", "Nav.Security"));
            }
        }
        links.Add(new("/tiendas", "Nearby.NavShops"));
        links.Add(new("/mercados", "Nav.Markets"));
        if (user.Identity?.IsAuthenticated == true)
        {
            links.Add(new("/mis-pedidos", "Nav.MyOrders"));
            links.Add(new("/cuenta/seguridad", "Nav.Account"));
        }
        return links;
    }

    /// <summary>Staff rarely buy: their cart stays in the menu until it holds something.</summary>
    public static bool CartInBar(ClaimsPrincipal user, int cartCount) =>
        cartCount > 0 || !(user.IsInRole(Roles.MunicipalStaff) || user.IsInRole(Roles.MetroStaff));

    /// <summary>The link whose address is the longest start of the current path: <c>/admin/mercados/espacios/3</c> marks "Jornadas de mercado".</summary>
    public static string? Current(IEnumerable<string> hrefs, PathString path) =>
        hrefs.Where(h => path.Equals(h, StringComparison.OrdinalIgnoreCase) || (h != "/" && path.StartsWithSegments(h, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(h => h.Length)
            .FirstOrDefault();
}
