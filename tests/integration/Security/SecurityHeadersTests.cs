using System.Net;
using Market.Core.Catalog;
using Market.Tests.Integration.MarketDays;
using Market.Tests.Support;

namespace Market.Tests.Integration.Security;

/// <summary>Every main page, of every kind of user, and the JSON, static and error answers, carry the same strict headers.</summary>
public sealed class SecurityHeadersTests(BehindTheProxy fixture) : IClassFixture<BehindTheProxy>
{
    /// <summary>The pages whose scripts ask for the position; every other page is denied it.</summary>
    private static readonly string[] PositionPages = ["/ubicacion", "/mercados", "/mi-tienda/registrar", "/mi-tienda/{id}/editar", "/admin/tiendas/nueva"];

    private static readonly string[] DeniedEverywhere = ["camera", "microphone", "payment", "usb", "serial", "hid", "display-capture"];

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task EveryMainPage_HasAStrictCsp_NoFraming_Nosniff_AndThePositionOnlyWhereAPageAsksForIt()
    {
        var pages = await MainPagesAsync();
        var problems = new List<string>();
        var read = 0;

        foreach (var (who, client, template, url) in pages)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{who} {url}: {(int)response.StatusCode}, not the page");
                continue;
            }
            read++;
            problems.AddRange(Problems(response, template).Select(p => $"{who} {url}: {p}"));
        }

        problems.ShouldBeEmpty();
        read.ShouldBe(pages.Count);
    }

    [Fact]
    public async Task NotFoundPage_AndAnApiError_CarryTheHeadersToo()
    {
        var anonymous = Host.CreateClient(followRedirects: false);

        using var missing = await anonymous.GetAsync("/no-existe");
        using var unknownOrder = await anonymous.GetAsync("/api/pedidos/NOEXISTE");

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownOrder.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Problems(missing, "/no-existe").ShouldBeEmpty();
        Problems(unknownOrder, "/api/pedidos/{code}").ShouldBeEmpty();
    }

    private List<string> Problems(HttpResponseMessage response, string template)
    {
        var problems = new List<string>();
        void Expect(string header, string expected)
        {
            var values = Values(response, header);
            if (values.Count != 1 || values[0] != expected)
            {
                problems.Add($"{header} is [{string.Join(" | ", values)}], not {expected}");
            }
        }

        var csp = Csp.Parse(Values(response, "Content-Security-Policy").SingleOrDefault() ?? "");
        foreach (var (directive, expected) in new Dictionary<string, string>
        {
            ["default-src"] = "'self'",
            ["script-src"] = "'self'",
            ["style-src"] = "'self'",
            ["img-src"] = "'self'",
            ["connect-src"] = "'self'",
            ["object-src"] = "'none'",
            ["base-uri"] = "'self'",
            ["frame-ancestors"] = "'none'",
            ["form-action"] = "'self' " + fixture.Stripe.BaseAddress.GetLeftPart(UriPartial.Authority),
        })
        {
            if (csp.GetValueOrDefault(directive) != expected)
            {
                problems.Add($"CSP {directive} is '{csp.GetValueOrDefault(directive)}', not {expected}");
            }
        }
        if (csp.Values.Any(v => v.Contains("unsafe-", StringComparison.Ordinal) || v.Split(' ').Contains("*")))
        {
            problems.Add("the CSP allows 'unsafe-…' or *");
        }
        Expect("X-Frame-Options", "DENY");
        Expect("X-Content-Type-Options", "nosniff");
        Expect("Referrer-Policy", "strict-origin-when-cross-origin");
        Expect("Cross-Origin-Opener-Policy", "same-origin");
        if (response.Headers.Contains("Server"))
        {
            problems.Add($"Server: {response.Headers.Server}");
        }
        if (response.Headers.Contains("Strict-Transport-Security"))
        {
            problems.Add("HSTS over plain http");
        }

        var permissions = PermissionsPolicy.Parse(Values(response, "Permissions-Policy").SingleOrDefault() ?? "");
        var position = PositionPages.Contains(template) ? "(self)" : "()";
        if (permissions.GetValueOrDefault("geolocation") != position)
        {
            problems.Add($"geolocation={permissions.GetValueOrDefault("geolocation")}, not {position}");
        }
        foreach (var feature in DeniedEverywhere.Where(f => permissions.GetValueOrDefault(f) != "()"))
        {
            problems.Add($"{feature}={permissions.GetValueOrDefault(feature)}, not ()");
        }
        return problems;
    }

    private static List<string> Values(HttpResponseMessage response, string header) =>
        [.. response.Headers.TryGetValues(header, out var h) ? h : [], .. response.Content.Headers.TryGetValues(header, out var c) ? c : []];

    /// <summary>(who, their client, the route template that decides the policy, the address).</summary>
    private async Task<List<(string Who, HttpClient Client, string Template, string Url)>> MainPagesAsync()
    {
        var anonymous = Host.CreateClient(followRedirects: false);
        var resident = (await Host.SignInAsync("vecina@demo.sv")).Client;
        var tere = (await Host.SignInAsync("tere@demo.sv")).Client;
        var chepe = (await Host.SignInAsync("chepe@demo.sv")).Client;
        var staff = (await Host.SignInAsync(MarketSetup.SanSalvadorStaff)).Client;
        var metro = (await Host.SignInAsync(MarketSetup.MetroStaff)).Client;

        var product = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv");
        var order = (await Checkout.PlaceAsync(anonymous, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single();
        var (space, day) = await MarketSetup.SpaceWithDayAsync(Host);

        return
        [
            ("anonymous", anonymous, "/", "/"),
            ("anonymous", anonymous, "/", "/?q=frijol"),
            ("anonymous", anonymous, "/tiendas", "/tiendas"),
            ("anonymous", anonymous, "/productos/{id}", $"/productos/{product.Id}"),
            ("anonymous", anonymous, "/tiendas/{id}", $"/tiendas/{product.ShopId}"),
            ("anonymous", anonymous, "/mercados", "/mercados"),
            ("anonymous", anonymous, "/mercados/{id}", $"/mercados/{day.Id}"),
            ("anonymous", anonymous, "/ubicacion", "/ubicacion"),
            ("anonymous", anonymous, "/carrito", "/carrito"),
            ("anonymous", anonymous, "/cuenta/ingresar", "/cuenta/ingresar"),
            ("anonymous", anonymous, "/cuenta/registro", "/cuenta/registro"),
            ("anonymous", anonymous, "/cuenta/codigo", "/cuenta/codigo"),
            ("anonymous", anonymous, "/mi-tienda/registrar", "/mi-tienda/registrar"),
            ("anonymous", anonymous, "/pedidos/{code}", $"/pedidos/{order.Code}"),
            ("anonymous", anonymous, "/api/productos", $"/api/productos?tienda={product.ShopId}"),
            ("anonymous", anonymous, "/api/pedidos/{code}", $"/api/pedidos/{order.Code}"),
            ("anonymous", anonymous, "static", "/css/site.css"),
            ("anonymous", anonymous, "static", "/js/live.js"),
            ("anonymous", anonymous, "/mercados/calendario/{code}.ics", "/mercados/calendario/SS.ics"),
            ("anonymous", anonymous, "/health/live", "/health/live"),
            ("resident", resident, "/mis-pedidos", "/mis-pedidos"),
            ("resident", resident, "/ubicacion", "/ubicacion"),
            ("shopkeeper", tere, "/tienda/pedidos", "/tienda/pedidos"),
            ("shopkeeper", tere, "/tienda/catalogo", "/tienda/catalogo"),
            ("shopkeeper", tere, "/tienda/catalogo/{id}", $"/tienda/catalogo/{product.Id}"),
            ("shopkeeper", tere, "/tienda/catalogo/importar", $"/tienda/catalogo/importar?tienda={product.ShopId}"),
            ("shopkeeper", tere, "/tienda/cuenta", "/tienda/cuenta"),
            ("shopkeeper", tere, "/mi-tienda", "/mi-tienda"),
            ("shopkeeper", tere, "/mi-tienda/{id}/editar", $"/mi-tienda/{product.ShopId}/editar"),
            ("shopkeeper", chepe, "/mis-puestos", "/mis-puestos"),
            ("municipal staff", staff, "/admin", "/admin"),
            ("municipal staff", staff, "/admin/tiendas", "/admin/tiendas"),
            ("municipal staff", staff, "/admin/tiendas/nueva", "/admin/tiendas/nueva"),
            ("municipal staff", staff, "/admin/mercados", "/admin/mercados"),
            ("municipal staff", staff, "/admin/mercados/espacios/{id}", $"/admin/mercados/espacios/{space.Id}"),
            ("municipal staff", staff, "/admin/mercados/jornadas/{id}", $"/admin/mercados/jornadas/{day.Id}"),
            ("metropolitan staff", metro, "/admin/categorias", "/admin/categorias"),
            ("metropolitan staff", metro, "/admin/liquidaciones", "/admin/liquidaciones"),
        ];
    }
}

/// <summary>"a 'x'; b 'y' z" → {a: "'x'", b: "'y' z"}.</summary>
internal static class Csp
{
    public static Dictionary<string, string> Parse(string header) =>
        header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}

/// <summary>"camera=(), geolocation=(self)" → {camera: "()", geolocation: "(self)"}.</summary>
internal static class PermissionsPolicy
{
    public static Dictionary<string, string> Parse(string header) =>
        header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split('=', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
