using Market.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Onboarding;

/// <summary>Putting a shop online from a phone: on one's own, or with the municipality's help and a setup code.</summary>
public sealed class OnboardingJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    private const string Staff = "alcaldia.ss@demo.sv";

    [Fact]
    public async Task Visitor_registers_a_shop_from_a_phone_and_it_goes_online_once_the_municipality_approves_it()
    {
        var shots = new Screenshots(output, nameof(Visitor_registers_a_shop_from_a_phone_and_it_goes_online_once_the_municipality_approves_it));
        var shopName = "Tienda El Roble " + Guid.NewGuid().ToString("N")[..4];
        await using var visitor = await market.NewPhoneAsync();
        await visitor.GrantPermissionsAsync(["geolocation"]);
        await visitor.SetGeolocationAsync(new Geolocation { Latitude = 13.7003f, Longitude = -89.1950f });
        var page = await visitor.NewPageAsync();

        await page.GotoAsync("/mi-tienda/registrar");
        await page.GetByLabel("Tu nombre").FillAsync("Rosa Portillo");
        await page.GetByLabel("Tu teléfono (+503), para ingresar").FillAsync(Phone());
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(MarketHost.Password);
        await FillShopAsync(page, shopName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Usar mi ubicación" }).ClickAsync();
        await Expect(page.GetByLabel("Latitud")).ToHaveValueAsync("13.700300");
        await Expect(page.GetByLabel("Longitud")).ToHaveValueAsync("-89.195000");
        await shots.TakeAsync(page, "register");
        await FitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar para revisión" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi tienda", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shop-status")).ToHaveTextAsync("En revisión");
        await shots.TakeAsync(page, "pending");

        await using var staffContext = await market.NewPhoneAsync();
        var staff = await SignInAsync(staffContext, Staff, MarketHost.Password);
        await staff.GotoAsync("/admin/tiendas");
        var card = staff.GetByRole(AriaRole.Article, new() { Name = shopName });
        await Expect(card).ToContainTextAsync("Tienda de barrio");
        await shots.TakeAsync(staff, "staff-review");
        await FitsThePhoneAsync(staff);
        await card.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Tienda aprobada");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("shop-status")).ToHaveTextAsync("Activa");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verla como la ven los vecinos" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = shopName, Level = 1 })).ToBeVisibleAsync();
        await shots.TakeAsync(page, "on-storefront");

        var product = "Arepa de elote " + shopName[^4..];
        await AddProductWithPhotoAsync(page, product);
        await shots.TakeAsync(page, "product-with-photo");

        await using var resident = await market.NewPhoneAsync();
        var storefront = await resident.NewPageAsync();
        await storefront.GotoAsync("/?municipio=SS&categoria=panaderia");
        var found = storefront.GetByRole(AriaRole.Article).Filter(new() { HasText = product });
        await Expect(found).ToContainTextAsync(shopName);
        var thumbnail = found.Locator("picture img");
        await thumbnail.ScrollIntoViewIfNeededAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Expect(thumbnail).ToHaveAttributeAsync("loading", "lazy");
        await shots.TakeAsync(storefront, "resident-finds-product");
    }

    private static async Task AddProductWithPhotoAsync(IPage page, string product)
    {
        await page.GotoAsync("/tienda/catalogo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nuevo producto" }).ClickAsync();
        await page.GetByLabel("Nombre", new() { Exact = true }).FillAsync(product);
        await page.GetByLabel("Categoría").SelectOptionAsync(new SelectOptionValue { Label = "Panadería" });
        await page.GetByLabel("Precio (US$)").FillAsync("0.35");
        await page.GetByLabel("Unidad", new() { Exact = true }).FillAsync("unidad");
        await page.GetByLabel("Existencias", new() { Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = product }).ClickAsync();
        await page.GetByLabel("Foto (toma una con la cámara o elige una)").SetInputFilesAsync(
            new FilePayload { Name = "arepa.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir foto" }).ClickAsync();
        await Expect(page.GetByText("Principal", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1600, 1200);
        using var canvas = new SkiaSharp.SKCanvas(bitmap);
        canvas.Clear(new SkiaSharp.SKColor(0xE9, 0xC4, 0x6A));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public async Task Staff_register_a_vendor_who_then_sets_a_password_with_the_setup_code()
    {
        var shots = new Screenshots(output, nameof(Staff_register_a_vendor_who_then_sets_a_password_with_the_setup_code));
        var shopName = "Puesto Doña Chayito " + Guid.NewGuid().ToString("N")[..4];
        var phone = Phone();
        await using var staffContext = await market.NewPhoneAsync();
        var staff = await SignInAsync(staffContext, Staff, MarketHost.Password);

        await staff.GotoAsync("/admin/tiendas/nueva");
        await staff.GetByLabel("Nombre completo").FillAsync("Rosario Mejía");
        await staff.GetByLabel("Su teléfono (+503)").FillAsync(phone);
        await FillShopAsync(staff, shopName);
        await staff.GetByLabel("Latitud").FillAsync("13.6995");
        await staff.GetByLabel("Longitud").FillAsync("-89.1920");
        await shots.TakeAsync(staff, "assisted-form");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Crear cuenta y tienda" }).ClickAsync();
        var code = (await staff.GetByTestId("setup-code").TextContentAsync())!;
        await shots.TakeAsync(staff, "code");
        await FitsThePhoneAsync(staff);

        await using var vendorContext = await market.NewPhoneAsync();
        var vendor = await vendorContext.NewPageAsync();
        await vendor.GotoAsync("/cuenta/ingresar");
        await vendor.GetByRole(AriaRole.Link, new() { Name = "Tengo un código" }).ClickAsync();
        await vendor.GetByLabel("Teléfono (+503)").FillAsync(phone);
        await vendor.GetByLabel("Código (8 números)").FillAsync(code);
        await vendor.GetByLabel("Tu nueva contraseña").FillAsync("Chayito2026");
        await shots.TakeAsync(vendor, "use-code");
        await vendor.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña e ingresar" }).ClickAsync();

        await Expect(vendor.GetByTestId("shop-status")).ToHaveTextAsync("Activa");
        await Expect(vendor.GetByRole(AriaRole.Article, new() { Name = shopName })).ToBeVisibleAsync();
        await shots.TakeAsync(vendor, "my-shop");
    }

    private static async Task FillShopAsync(IPage page, string name)
    {
        await page.GetByLabel("Nombre de la tienda").FillAsync(name);
        await page.GetByLabel("Tienda de barrio").CheckAsync();
        await page.GetByLabel("Municipio").SelectOptionAsync(new SelectOptionValue { Label = "San Salvador" });
        await page.GetByLabel("Dirección", new() { Exact = true }).FillAsync("Calle Los Almendros #14, Colonia Centroamérica");
        await page.GetByLabel("Punto de referencia").FillAsync("frente a la ceiba");
        await page.GetByLabel("Teléfono o WhatsApp de la tienda (+503)").FillAsync("2222 3344");
        await page.GetByLabel("Entrega a domicilio").CheckAsync();
        await page.GetByLabel("Hasta cuántos km entrega").FillAsync("2");
        await page.GetByLabel("Costo del envío ($)").FillAsync("1.00");
        await page.GetByLabel("Retiro en la tienda o en el puesto").CheckAsync();
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string login, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cuenta/ingresar");
        await page.GetByLabel("Teléfono o correo electrónico").FillAsync(login);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/cuenta/ingresar", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Nothing scrolls sideways on a 390-px phone.</summary>
    private static async Task FitsThePhoneAsync(IPage page) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

    private static string Phone() => "+503 7" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
