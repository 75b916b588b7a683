using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Integration.Media;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Market.Tests.Integration.Catalog;

/// <summary>A shopkeeper's photo goes through the pipeline into the store and shows on the storefront as a thumbnail.</summary>
public sealed partial class ProductPhotoTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task UploadedPhoto_IsServedAsALazyThumbnailWithItsSize_AndCachedForever()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);

        var response = await UploadAsync(tere, product.Id, Png(800, 600), "tomate.png");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var photo = await Checkout.QueryAsync(Host, db => db.ProductPhotos.Where(p => p.ProductId == product.Id).OrderByDescending(p => p.Id).FirstAsync());
        (photo.ThumbWidth, photo.ThumbHeight).ShouldBe((320, 240));
        var main = await Checkout.QueryAsync(Host, db => db.ProductPhotos.SingleAsync(p => p.ProductId == product.Id && p.Position == 0));
        var page = await Host.CreateClient().GetStringAsync($"/tiendas/{product.ShopId}");
        page.ShouldContain($"<img src=\"/media/{main.Hash}-320.jpg\" width=\"{main.ThumbWidth}\" height=\"{main.ThumbHeight}\"");
        page.ShouldContain("loading=\"lazy\"");
        var webp = await Host.CreateClient().GetAsync($"/media/{photo.Hash}-320.webp");
        webp.StatusCode.ShouldBe(HttpStatusCode.OK);
        webp.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        webp.Headers.CacheControl!.ToString().ShouldContain("immutable");
    }

    [Fact]
    public async Task SomethingThatIsNotAPhoto_IsRefusedWithAMessage_AndNothingIsStored()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var before = await Checkout.QueryAsync(Host, db => db.ProductPhotos.CountAsync());

        var response = await UploadAsync(tere, product.Id, "no soy una foto"u8.ToArray(), "foto.jpg");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await tere.GetStringAsync($"/tienda/catalogo/{product.Id}");
        form.ShouldContain("role=\"alert\"");
        (await Checkout.QueryAsync(Host, db => db.ProductPhotos.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task SixthPhoto_IsRefusedWithTheLimitExplained_AndTheProductKeepsItsFive()
    {
        var productId = await NewProductOfTereAsync("Canasta de regalo en cinco fotos");
        var (tere, _) = await Host.SignInAsync(Tere);
        for (var i = 0; i < 5; i++)
        {
            (await UploadAsync(tere, productId, SamplePhotos.Jpeg(400 + 40 * i, 300), $"canasta-{i}.jpg")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var five = await PhotoHashesAsync(productId);

        var sixth = await UploadAsync(tere, productId, SamplePhotos.Jpeg(640, 480), "canasta-6.jpg");

        sixth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sixth.Headers.Location!.OriginalString.ShouldBe($"/tienda/catalogo/{productId}#fotos");
        var form = await tere.GetStringAsync(sixth.Headers.Location.OriginalString);
        form.ShouldContain("<p class=\"error\" role=\"alert\">Un producto puede tener hasta 5 fotos; quita una antes de subir otra.</p>");
        RemoveButtons().Count(form).ShouldBe(5);
        form.ShouldNotContain($"action=\"/tienda/catalogo/{productId}/fotos\" enctype=\"multipart/form-data\"");
        five.Count.ShouldBe(5);
        (await PhotoHashesAsync(productId)).ShouldBe(five);
    }

    [Fact]
    public async Task AnotherShopkeeper_CannotAddOrRemovePhotos()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        await UploadAsync(tere, product.Id, Png(300, 300), "pan.png");
        var photo = await Checkout.QueryAsync(Host, db => db.ProductPhotos.FirstAsync(p => p.ProductId == product.Id));
        var (chepe, _) = await Host.SignInAsync("chepe@demo.sv");

        var upload = await UploadAsync(chepe, product.Id, Png(300, 300), "otra.png");
        var remove = await chepe.PostAsync($"/tienda/catalogo/{product.Id}/fotos/{photo.Id}/Remove", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(await chepe.GetStringAsync("/tienda/pedidos")) }));

        upload.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Checkout.QueryAsync(Host, db => db.ProductPhotos.AnyAsync(p => p.Id == photo.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task ShopLogo_IsSetByItsOwnerOnly_AndShownOnTheShopPage()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var (chepe, _) = await Host.SignInAsync("chepe@demo.sv");

        var byOther = await UploadLogoAsync(chepe, product.ShopId);
        (await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Id == product.ShopId).Select(s => s.LogoHash).SingleAsync())).ShouldBeNull();
        var byOwner = await UploadLogoAsync(tere, product.ShopId);

        byOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byOwner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logo = await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Id == product.ShopId).Select(s => s.LogoHash).SingleAsync());
        logo.ShouldNotBeNull();
        (await Host.CreateClient().GetStringAsync($"/tiendas/{product.ShopId}")).ShouldContain($"/media/{logo}-320.jpg");
    }

    [Fact]
    public async Task MediaEndpoint_ServesOnlyRenditionNames()
    {
        var client = Host.CreateClient();

        (await client.GetAsync("/media/..%2F..%2Fmarket.db")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/media/" + new string('a', 32) + "-320.webp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<int> NewProductOfTereAsync(string name)
    {
        var shop = await OnboardingForms.ShopOfAsync(Host, Tere);
        return await Checkout.QueryAsync(Host, async db =>
        {
            var product = new Product
            {
                ShopId = shop.Id,
                CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                Name = name,
                Unit = "unidad",
                Price = Money.FromDollars(12),
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
    }

    private Task<List<string>> PhotoHashesAsync(int productId) =>
        Checkout.QueryAsync(Host, db => db.ProductPhotos.Where(p => p.ProductId == productId).OrderBy(p => p.Position).Select(p => p.Hash).ToListAsync());

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(0xE7, 0x6F, 0x51));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static async Task<HttpResponseMessage> UploadLogoAsync(HttpClient client, int shopId)
    {
        var token = MarketHost.AntiforgeryToken(await client.GetStringAsync("/tienda/pedidos"));
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(Png(500, 500));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, "logo", "logo.png");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/mi-tienda/{shopId}/logo", content);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int productId, byte[] file, string fileName)
    {
        var formPage = await client.GetAsync($"/tienda/catalogo/{productId}");
        var token = formPage.IsSuccessStatusCode
            ? MarketHost.AntiforgeryToken(await formPage.Content.ReadAsStringAsync())
            : MarketHost.AntiforgeryToken(await client.GetStringAsync("/tienda/pedidos"));
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, "foto", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/tienda/catalogo/{productId}/fotos", content);
    }

    [GeneratedRegex("action=\"/tienda/catalogo/\\d+/fotos/\\d+/Remove\"")]
    private static partial Regex RemoveButtons();
}
