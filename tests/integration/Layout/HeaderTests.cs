using System.Text.RegularExpressions;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;

namespace Market.Tests.Integration.Layout;

/// <summary>
/// The header as each role reads it on a phone: one or two links in the bar, everything else behind the "Menú" button (a
/// details element, so it opens without JavaScript), and the page being shown marked.
/// </summary>
public sealed partial class HeaderTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    public static TheoryData<string?, string, string[], string[]> Roles => new()
    {
        { null, "/", ["/carrito", "/cuenta/ingresar"], ["/tiendas", "/mercados"] },
        { "vecina@demo.sv", "/", ["/carrito"], ["/tiendas", "/mercados", "/mis-pedidos", "/cuenta/seguridad"] },
        { "tere@demo.sv", "/tienda/pedidos", ["/tienda/pedidos", "/carrito"], ["/tienda/catalogo", "/mi-tienda", "/mis-puestos", "/tienda/cuenta", "/tiendas", "/mercados", "/mis-pedidos", "/cuenta/seguridad"] },
        { "alcaldia.ss@demo.sv", "/admin", ["/admin"], ["/admin/tiendas", "/admin/mercados", "/admin/auditoria", "/tiendas", "/mercados", "/mis-pedidos", "/cuenta/seguridad", "/carrito"] },
        { "amss@demo.sv", "/admin", ["/admin"], ["/admin/tiendas", "/admin/mercados", "/admin/auditoria", "/admin/categorias", "/admin/liquidaciones", "/admin/seguridad", "/tiendas", "/mercados", "/mis-pedidos", "/cuenta/seguridad", "/carrito"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Header_ShowsARolesFewLinks_AndTheRestBehindTheMenu(string? login, string landing, string[] bar, string[] menu)
    {
        var client = login is null ? Host.CreateClient() : (await Host.SignInAsync(login)).Client;

        var page = await client.GetStringAsync(landing);

        var header = Header().Match(page).Value;
        Hrefs(BarNav().Match(header).Value).ShouldBe(bar);
        var inMenu = Hrefs(MenuNav().Match(header).Value);
        inMenu.ShouldBe(menu, ignoreOrder: true);
        header.ShouldContain("<details class=\"menu\">");
        header.ShouldContain(login is null ? "Ingresar" : "Salir");
    }

    [Theory]
    [InlineData("tere@demo.sv", "/tienda/pedidos", "/tienda/pedidos")]
    [InlineData("tere@demo.sv", "/tienda/catalogo/importar", "/tienda/catalogo")]
    [InlineData("alcaldia.ss@demo.sv", "/admin/mercados/espacios/nuevo", "/admin/mercados")]
    [InlineData("vecina@demo.sv", "/carrito", "/carrito")]
    public async Task Header_MarksTheLinkOfThePageShown(string login, string path, string marked)
    {
        var (client, _) = await Host.SignInAsync(login);

        var header = Header().Match(await client.GetStringAsync(path)).Value;

        var current = CurrentLinks().Matches(header).Select(m => m.Groups[1].Value).ToList();
        current.ShouldBe([marked]);
    }

    private static List<string> Hrefs(string html) => [.. LinkHrefs().Matches(html).Select(m => m.Groups[1].Value.Split('?')[0]).Where(h => !h.StartsWith("/idioma", StringComparison.Ordinal))];

    [GeneratedRegex("<header class=\"top\">.*?</header>", RegexOptions.Singleline)]
    private static partial Regex Header();

    [GeneratedRegex("<nav class=\"bar\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex BarNav();

    [GeneratedRegex("<details class=\"menu\">.*?</details>", RegexOptions.Singleline)]
    private static partial Regex MenuNav();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex LinkHrefs();

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*aria-current=\"page\"")]
    private static partial Regex CurrentLinks();
}
