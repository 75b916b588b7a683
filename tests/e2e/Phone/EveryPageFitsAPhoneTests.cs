using System.Text.RegularExpressions;
using Market.Core.DemoData;
using Market.Tests.E2e.Pages;
using Market.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Phone;

/// <summary>
/// Every main page of every role, opened on a 360×740 phone as that person: nothing scrolls sideways, every tap target is
/// at least 44 px and reachable at its centre, axe-core finds nothing serious or critical. Screenshots of each page are kept
/// in artifacts/screenshots/ for a reviewer.
/// </summary>
public sealed partial class EveryPageFitsAPhoneTests(PhoneMarket market, ITestOutputHelper output) : IClassFixture<PhoneMarket>
{
    private const string DonaTere = "Tienda Doña Tere";

    [Fact]
    public async Task Visitor_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        var pages = new PageWalk(page, "visitante", output);
        await pages.CheckAsync("/");
        await pages.CheckMenuAsync();
        await pages.CheckAsync($"/productos/{market.LongProductId}");
        await pages.CheckAsync("/tiendas");
        await pages.CheckAsync(await HrefAsync(page, $"/productos/{market.LongProductId}", "a[href^='/tiendas/']"));
        await pages.CheckAsync("/mercados");
        await pages.CheckAsync(await HrefAsync(page, "/mercados", "a[href^='/mercados/']:not([href*='.ics'])"));
        await pages.CheckAsync("/ubicacion");
        await pages.CheckAsync("/cuenta/ingresar");
        await pages.CheckAsync("/cuenta/registro");
        await pages.CheckAsync("/mi-tienda/registrar");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task Resident_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        await new SignInPage(page).SignInAsync("vecina@demo.sv", MarketHost.Password);
        var pages = new PageWalk(page, "residente", output);
        await pages.CheckAsync("/");
        await pages.CheckMenuAsync();
        await pages.CheckAsync($"/productos/{market.LongProductId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar", Exact = true }).ClickAsync();
        await Expect(new StorefrontPage(page).AddedStatus).ToContainTextAsync("al carrito");
        await pages.CheckAsync("/carrito");
        await pages.CheckAsync("/checkout");
        var checkout = new CheckoutPage(page);
        await checkout.FillContactAsync("Vecina Demo", "7000 1234", PhoneMarket.LongAddress, "portón negro");
        await checkout.Delivery(DonaTere).CheckAsync();
        await checkout.ConfirmAsync();
        await pages.CheckHereAsync("pedido-recibido");
        await pages.CheckAsync(await page.GetByRole(AriaRole.Link, new() { Name = $"Seguir el pedido de {DonaTere}" }).GetAttributeAsync("href") ?? "");
        await pages.CheckAsync("/mis-pedidos");
        await pages.CheckAsync("/ubicacion");
        await page.GetByLabel("Colonia o barrio").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver tiendas cerca" }).ClickAsync();
        await pages.CheckAsync("/ubicacion");
        await pages.CheckAsync("/tiendas");
        await pages.CheckAsync("/cuenta/seguridad");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task Shopkeeper_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        await new SignInPage(page).SignInAsync("tere@demo.sv", MarketHost.Password);
        var pages = new PageWalk(page, "tendera", output);
        await pages.CheckAsync("/tienda/pedidos");
        await pages.CheckMenuAsync();
        await pages.CheckAsync("/tienda/catalogo");
        await pages.CheckAsync($"/tienda/catalogo/{market.LongProductId}");
        await pages.CheckAsync(await HrefAsync(page, "/tienda/catalogo", "a[href^='/tienda/catalogo/nuevo']"));
        await pages.CheckAsync("/tienda/catalogo/importar");
        await pages.CheckAsync("/mi-tienda");
        await pages.CheckAsync(await HrefAsync(page, "/mi-tienda", "a[href$='/editar']"));
        await pages.CheckAsync("/tienda/cuenta");
        await pages.CheckAsync("/cuenta/seguridad");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task MarketVendor_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        await new SignInPage(page).SignInAsync("chepe@demo.sv", MarketHost.Password);
        var pages = new PageWalk(page, "vendedor-de-mercado", output);
        await pages.CheckAsync("/mis-puestos");
        await pages.CheckMenuAsync();
        await pages.CheckAsync("/tienda/pedidos");
        await pages.CheckAsync("/tienda/catalogo");
        await pages.CheckAsync("/mi-tienda");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task MunicipalStaff_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        await new SignInPage(page).SignInAsync("alcaldia.ss@demo.sv", MarketHost.Password);
        var pages = new PageWalk(page, "alcaldia", output);
        await pages.CheckAsync("/admin");
        await pages.CheckMenuAsync();
        await pages.CheckAsync("/admin/tiendas");
        await pages.CheckAsync("/admin/tiendas/nueva");
        await pages.CheckAsync("/admin/mercados");
        await pages.CheckAsync(await HrefAsync(page, "/admin/mercados", "a[href^='/admin/mercados/espacios/']:not([href$='nuevo'])"));
        await pages.CheckAsync(await HrefAsync(page, page.Url, "a[href^='/admin/mercados/jornadas/']"));
        await pages.CheckAsync("/admin/mercados/espacios/nuevo");
        await pages.CheckAsync("/admin/auditoria");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task MetroStaff_EveryPage_FitsAPhone()
    {
        var page = await PhoneAsync();
        await new SignInPage(page).SignInAsync("amss@demo.sv", MarketHost.Password, DemoCredentials.MetroStaffAuthenticatorKey);
        var pages = new PageWalk(page, "amss", output);
        await pages.CheckAsync("/admin");
        await pages.CheckMenuAsync();
        await pages.CheckAsync("/admin/tiendas");
        await pages.CheckAsync("/admin/categorias");
        await pages.CheckAsync("/admin/liquidaciones");
        await pages.CheckAsync("/admin/seguridad");
        await pages.CheckAsync("/admin/auditoria");
        pages.Problems.ShouldBeEmpty(pages.Report());
    }

    [Fact]
    public async Task Home_FirstScreen_ShowsTheSearchBoxAndProducts_WithTheOtherFiltersBehindOneButton()
    {
        var page = await PhoneAsync();

        await page.GotoAsync("/?municipio=SS&retiro=true");

        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar" })).ToBeInViewportAsync();
        var products = page.GetByRole(AriaRole.Region, new() { Name = "Productos" }).GetByRole(AriaRole.Article);
        await Expect(products.First).ToBeInViewportAsync(new() { Ratio = 0.5f });
        await Expect(page.Locator("details.filters-panel > summary")).ToHaveTextAsync("Filtros (2)");
        await Expect(page.GetByLabel("Municipio")).ToBeHiddenAsync();

        await page.Locator("details.filters-panel > summary").ClickAsync();
        await Expect(page.GetByLabel("Municipio").Locator("option:checked")).ToHaveTextAsync("San Salvador");
        await Expect(page.GetByLabel("Retiro en tienda")).ToBeCheckedAsync();
    }

    private async Task<IPage> PhoneAsync() => await (await market.NewPhoneAsync(360, 740)).NewPageAsync();

    private static async Task<string> HrefAsync(IPage page, string from, string selector)
    {
        await page.GotoAsync(from);
        return await page.Locator(selector).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No {selector} on {from}.");
    }

    /// <summary>Opens pages one after another, checks each and keeps its screenshot; problems are gathered so one run names them all.</summary>
    private sealed partial class PageWalk(IPage page, string role, ITestOutputHelper output)
    {
        private static readonly string Folder = Path.Combine(Screenshots.RepositoryRoot(), "artifacts", "screenshots");

        private int visited = Forget(role);

        public List<string> Problems { get; } = [];

        public async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(path);
            response.ShouldNotBeNull();
            response.Ok.ShouldBeTrue($"{path} answered {response.Status}");
            await CheckHereAsync(Slug().Replace(path.Trim('/').ToLowerInvariant(), "-") is { Length: > 0 } slug ? slug : "inicio");
        }

        public async Task CheckHereAsync(string name)
        {
            await Expect(page.Locator("main")).ToBeVisibleAsync();
            var shot = await ShotAsync(name, fullPage: true);
            var where = new Uri(page.Url).PathAndQuery;
            var found = new List<string>();
            found.AddRange(await PhoneCheck.HorizontalScrollAsync(page));
            found.AddRange(await PhoneCheck.TapTargetsAsync(page));
            found.AddRange(await PhoneCheck.AccessibilityAsync(page, note => output.WriteLine($"{where}: {note}")));
            Problems.AddRange(found.Select(f => $"{where}: {f}"));
            output.WriteLine($"{where}: {found.Count} problem(s), screenshot {shot}");
        }

        /// <summary>Opens the header's menu, checks the page with it open (its links are tap targets too) and closes it.</summary>
        public async Task CheckMenuAsync()
        {
            var menu = new HeaderMenu(page);
            await menu.OpenAsync();
            await ShotAsync("menu", fullPage: false);
            var where = new Uri(page.Url).PathAndQuery;
            Problems.AddRange((await PhoneCheck.TapTargetsAsync(page, "details.menu")).Select(p => $"{where} (menu open): {p}"));
            await menu.OpenAsync(close: true);
        }

        /// <summary>Removes the role's screenshots of an earlier run, so the folder shows this run only.</summary>
        private static int Forget(string role)
        {
            Directory.CreateDirectory(Folder);
            foreach (var old in Directory.GetFiles(Folder, role + "-*.png"))
            {
                File.Delete(old);
            }
            return 0;
        }

        private async Task<string> ShotAsync(string name, bool fullPage)
        {
            var shot = Path.Combine(Folder, $"{role}-{++visited:D2}-{name}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = fullPage });
            return shot;
        }

        public string Report() => $"{Problems.Count} problem(s) on {role}'s pages:\n" + string.Join("\n", Problems);

        [GeneratedRegex("[^a-z0-9]+")]
        private static partial Regex Slug();
    }
}
