using System.Text.RegularExpressions;
using Market.Core.Data;
using Market.Tests.E2e.Pages;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Security;

/// <summary>The main pages of each kind of user, in Chromium, under the app's CSP and Permissions-Policy: nothing is refused.</summary>
public sealed class BrowserPolicyJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    private const string DonaTere = "Tienda Doña Tere";
    private static readonly Geolocation Here = new() { Latitude = 13.7003f, Longitude = -89.1950f };

    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported_and_the_home_page_may_not_ask_for_the_position()
    {
        await using var phone = await PhoneWithPositionAsync();
        var watch = await PolicyWatch.StartAsync(phone);
        var page = await phone.NewPageAsync();
        await new StorefrontPage(page).OpenAsync();

        await page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.e2eInlineRan = true;';
                document.body.append(script);
            }
            """);
        var position = await page.EvaluateAsync<string>("""
            () => new Promise(done => navigator.geolocation.getCurrentPosition(() => done('given'), e => done('refused ' + e.code)))
            """);

        await Eventually(() => watch.Refused.Any(r => r.Contains("script-src", StringComparison.Ordinal)));
        (await page.EvaluateAsync<bool>("() => window.e2eInlineRan === true")).ShouldBeFalse();
        position.ShouldBe("refused 1", "the position is granted to the browser, but the page's Permissions-Policy denies it");
    }

    [Fact]
    public async Task Resident_browses_finds_markets_and_shops_near_their_position_and_follows_an_order_live()
    {
        var (productId, shopId, dayId) = await DemoAsync();
        await using var phone = await PhoneWithPositionAsync();
        var watch = await PolicyWatch.StartAsync(phone);
        var page = await phone.NewPageAsync();

        foreach (var url in new[] { "/", "/?q=frijol", "/tiendas", $"/productos/{productId}", $"/tiendas/{shopId}", $"/mercados/{dayId}",
                     "/carrito", "/cuenta/ingresar", "/cuenta/registro", "/cuenta/codigo" })
        {
            await OpenAsync(page, url);
        }

        await OpenAsync(page, "/mercados");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca de mí" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"lat=13\.7003"));

        await OpenAsync(page, "/ubicacion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Usar mi ubicación" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tiendas cerca de ti", Level = 1 })).ToBeVisibleAsync();

        await OpenAsync(page, "/mi-tienda/registrar");
        await UseMyLocationInTheShopFormAsync(page);

        var storefront = new StorefrontPage(page);
        await storefront.OpenAsync();
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Frijol rojo de seda", DonaTere, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync("Elena Cruz", "+503 7111 2233", "Calle El Mirador #8, Colonia Escalón", "casa blanca");
        await checkout.ConfirmAsync();
        var tracking = await checkout.OpenTrackingAsync(DonaTere);
        await tracking.WaitUntilLiveAsync();

        watch.WebSockets.ShouldContain(url => url.Contains("/hubs/pedidos", StringComparison.Ordinal));
        ShouldHaveRefusedNothing(watch);
    }

    [Fact]
    public async Task Shopkeeper_gets_an_order_live_over_a_websocket_and_works_the_catalog_pages()
    {
        await GiveTereASecondShopAsync("Pupusería La Ceiba");
        await using var shopkeeper = await market.NewPhoneAsync();
        var watch = await PolicyWatch.StartAsync(shopkeeper);
        var inbox = await new SignInPage(await shopkeeper.NewPageAsync()).SignInAsShopkeeperAsync("tere@demo.sv", MarketHost.Password);
        await inbox.WaitUntilLiveAsync();
        await inbox.Page.MarkAsync();
        watch.WebSockets.ShouldContain(url => url.Contains("/hubs/pedidos", StringComparison.Ordinal));
        (await AllowsAsync(inbox.Page, "autoplay")).ShouldBeTrue("the new-order beep plays without a click");

        await using var resident = await market.NewPhoneAsync();
        var storefront = new StorefrontPage(await resident.NewPageAsync());
        await storefront.OpenAsync();
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Arroz blanco", DonaTere, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync("Julio Pineda", "+503 7222 3344", "Pasaje Las Flores #3, Colonia Flor Blanca", "portón negro");
        await checkout.ConfirmAsync();
        await Expect(inbox.OpenOrder("Julio Pineda")).ToBeVisibleAsync();
        await inbox.Page.ShouldNotHaveReloadedAsync();

        var page = inbox.Page;
        await OpenAsync(page, "/tienda/catalogo");
        (await AllowsAsync(page, "autoplay")).ShouldBeFalse();
        // The shops are in name order, so the other one (La Ceiba) is shown first; choosing Doña Tere sends the form at once.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Tienda" }).SelectOptionAsync(new SelectOptionValue { Label = DonaTere });
        var tereShop = await ShopIdAsync(DonaTere);
        await Expect(page).ToHaveURLAsync(new Regex($@"tienda={tereShop}$"));

        await OpenAsync(page, $"/tienda/catalogo/importar?tienda={tereShop}");
        var file = page.GetByLabel("Archivo CSV (máximo 2 MB)");
        await file.SetInputFilesAsync(new FilePayload { Name = "grande.csv", MimeType = "text/csv", Buffer = new byte[(2 * 1024 * 1024) + 1] });
        (await file.EvaluateAsync<string>("input => input.validationMessage")).ShouldBe("El archivo pesa más de 2 MB. Divídelo en archivos más pequeños.");
        var export = await page.Context.APIRequest.GetAsync($"/tienda/catalogo/csv?tienda={tereShop}");
        export.Ok.ShouldBeTrue();
        await file.SetInputFilesAsync(new FilePayload { Name = "catalogo.csv", MimeType = "text/csv", Buffer = await export.BodyAsync() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir e importar" }).ClickAsync();
        await Expect(page.GetByTestId("import-applied")).ToContainTextAsync("Listo.");

        foreach (var url in new[] { "/tienda/cuenta", "/mi-tienda", "/tienda/pedidos" })
        {
            await OpenAsync(page, url);
        }
        await OpenAsync(page, $"/mi-tienda/{tereShop}/editar");
        await UseMyLocationInTheShopFormAsync(page, shopkeeper);

        await using var vendor = await market.NewPhoneAsync();
        var vendorWatch = await PolicyWatch.StartAsync(vendor);
        var stalls = await vendor.NewPageAsync();
        await new SignInPage(stalls).SignInAsync("chepe@demo.sv", MarketHost.Password);
        await OpenAsync(stalls, "/mis-puestos");

        ShouldHaveRefusedNothing(watch);
        ShouldHaveRefusedNothing(vendorWatch);
    }

    [Fact]
    public async Task Staff_review_shops_register_a_vendor_from_their_position_and_run_markets()
    {
        var (_, _, dayId) = await DemoAsync();
        var spaceId = await Query(db => db.MarketDays.Where(d => d.Id == dayId).Select(d => d.PublicSpaceId).SingleAsync());
        await using var staff = await PhoneWithPositionAsync();
        var watch = await PolicyWatch.StartAsync(staff);
        var page = await staff.NewPageAsync();
        await new SignInPage(page).SignInAsync("alcaldia.ss@demo.sv", MarketHost.Password);

        foreach (var url in new[] { "/admin", "/admin/tiendas", "/admin/mercados", $"/admin/mercados/espacios/{spaceId}", $"/admin/mercados/jornadas/{dayId}" })
        {
            await OpenAsync(page, url);
        }
        await OpenAsync(page, "/admin/tiendas/nueva");
        await UseMyLocationInTheShopFormAsync(page);

        await using var metro = await market.NewPhoneAsync();
        var metroWatch = await PolicyWatch.StartAsync(metro);
        var metroPage = await metro.NewPageAsync();
        await new SignInPage(metroPage).SignInAsync("amss@demo.sv", MarketHost.Password, Market.Core.DemoData.DemoCredentials.MetroStaffAuthenticatorKey);
        await OpenAsync(metroPage, "/admin/categorias");
        await OpenAsync(metroPage, "/admin/liquidaciones");

        ShouldHaveRefusedNothing(watch);
        ShouldHaveRefusedNothing(metroWatch);
    }

    private async Task<IBrowserContext> PhoneWithPositionAsync()
    {
        var phone = await market.NewPhoneAsync();
        await phone.GrantPermissionsAsync(["geolocation"]);
        await phone.SetGeolocationAsync(Here);
        return phone;
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull().Status.ShouldBe(200, url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
    }

    /// <summary>What the page's Permissions-Policy allows, as Chromium read it.</summary>
    private static Task<bool> AllowsAsync(IPage page, string feature) =>
        page.EvaluateAsync<bool>("feature => document.featurePolicy.allowsFeature(feature)", feature);

    /// <summary>The shop form's "Usar mi ubicación" fills in the browser's position (granted to the context first if need be).</summary>
    private static async Task UseMyLocationInTheShopFormAsync(IPage page, IBrowserContext? grant = null)
    {
        if (grant is not null)
        {
            await grant.GrantPermissionsAsync(["geolocation"]);
            await grant.SetGeolocationAsync(Here);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Usar mi ubicación" }).ClickAsync();
        await Expect(page.GetByLabel("Latitud")).ToHaveValueAsync("13.700300");
        await Expect(page.GetByLabel("Longitud")).ToHaveValueAsync("-89.195000");
    }

    private void ShouldHaveRefusedNothing(PolicyWatch watch)
    {
        foreach (var refused in watch.Refused)
        {
            output.WriteLine(refused);
        }
        watch.Refused.ShouldBeEmpty();
    }

    /// <summary>A product and the shop of Doña Tere, and the next market day in San Salvador.</summary>
    private async Task<(int ProductId, int ShopId, int MarketDayId)> DemoAsync()
    {
        var shopId = await ShopIdAsync(DonaTere);
        var productId = await Query(db => db.Products.Where(p => p.ShopId == shopId && p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var dayId = await Query(db => db.MarketDays.Where(d => d.PublicSpace.Municipality.Code == "SS").OrderBy(d => d.Date).Select(d => d.Id).FirstAsync());
        return (productId, shopId, dayId);
    }

    private Task<int> ShopIdAsync(string name) => Query(db => db.Shops.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private async Task GiveTereASecondShopAsync(string shop)
    {
        var tere = await Query(db => db.Shops.Where(s => s.Name == DonaTere).Select(s => s.OwnerId).SingleAsync());
        await Query(db => db.Shops.Where(s => s.Name == shop).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, tere)));
    }

    private async Task<T> Query<T>(Func<MarketDbContext, Task<T>> query)
    {
        await using var scope = market.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketDbContext>());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 100)
        {
            waited.ShouldBeLessThan(10_000, "not reported within 10 s");
            await Task.Delay(100);
        }
    }
}
