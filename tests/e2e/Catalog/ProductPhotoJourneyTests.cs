using Market.Tests.E2e.Pages;
using Market.Tests.E2e.Phone;
using Market.Tests.Support;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Catalog;

/// <summary>A product goes online with its photos in one step from a phone, and residents see them large.</summary>
public sealed class ProductPhotoJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    [Fact]
    public async Task Shopkeeper_creates_a_product_with_two_photos_on_a_phone_and_a_resident_sees_them_large_on_its_page()
    {
        var shots = new Screenshots(output, nameof(Shopkeeper_creates_a_product_with_two_photos_on_a_phone_and_a_resident_sees_them_large_on_its_page));
        var code = "qs" + Guid.NewGuid().ToString("N")[..4];
        var product = "Quesadilla salvadoreña " + code;
        await using var shopkeeper = await market.NewPhoneAsync(360, 740);
        var page = await shopkeeper.NewPageAsync();
        await new SignInPage(page).SignInAsync("tere@demo.sv", MarketHost.Password);

        var form = new ProductFormPage(page);
        await form.OpenNewAsync();
        await form.FillAsync(product, "Panadería", "0.75", "unidad");
        await form.ChoosePhotosAsync(
            Jpeg("quesadilla.jpg", 4000, 3000, new SKColor(0xE9, 0xC4, 0x6A)),
            Jpeg("quesadilla-cortada.jpg", 1600, 1200, new SKColor(0xC0, 0x5A, 0x12)));
        await shots.TakeAsync(page, "new-product-with-photos");
        (await PhoneCheck.HorizontalScrollAsync(page)).ShouldBeEmpty();
        await form.SaveAsync();
        await Expect(page.GetByText("Cambios guardados.")).ToBeVisibleAsync();

        await using var residentContext = await market.NewPhoneAsync(360, 740);
        var resident = await residentContext.NewPageAsync();
        var productPage = new ProductPage(resident);
        await productPage.OpenFromSearchAsync(code, product);
        var photo = productPage.MainPhoto(product);
        await Expect(photo).ToBeInViewportAsync();
        await Expect(photo).ToHaveAttributeAsync("loading", "eager");
        await Expect(photo).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
        // Chromium takes the WebP source and, for a 328-px-wide photo on this screen, the large rendition.
        (await photo.EvaluateAsync<string>("img => img.currentSrc")).ShouldMatch(@"/media/[0-9a-f]{32}-1200\.webp$");
        (await photo.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(300);
        await shots.TakeAsync(resident, "resident-sees-photo-large");

        await resident.GetByRole(AriaRole.Link, new() { Name = "Ver foto 2 de 2" }).ClickAsync();
        var second = resident.GetByRole(AriaRole.Img, new() { Name = $"{product}, foto 2 de 2" });
        await Expect(second).ToBeInViewportAsync();
        await Expect(second).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
        await shots.TakeAsync(resident, "resident-sees-second-photo");
    }

    /// <summary>A phone-sized photo with some detail, so it is real work for the pipeline.</summary>
    private static FilePayload Jpeg(string name, int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true, Color = SKColors.White })
        {
            canvas.Clear(colour);
            for (var i = 0; i < 12; i++)
            {
                canvas.DrawCircle(width * (i + 1) / 13f, height / 2f, width / 30f, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 88);
        return new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = data.ToArray() };
    }
}
