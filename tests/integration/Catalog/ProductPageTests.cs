using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Integration.Media;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Catalog;

/// <summary>A product's own page shows its photos large; lists keep the thumbnail; shops show their logo; a new product brings its photos.</summary>
public sealed class ProductPageTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";
    private const string Sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task ProductPage_WithOnePhoto_ShowsItLargeAsWebpOrJpeg_FetchedAtOnce_WithItsSize()
    {
        var productId = await NewProductOfTereAsync("Mango tommy de exhibición");
        var (tere, _) = await Host.SignInAsync(Tere);
        await AddPhotoAsync(tere, productId, SamplePhotos.Jpeg(1600, 1200));
        var h = (await PhotosOfAsync(productId)).Single().Hash;

        var page = await Host.CreateClient().GetStringAsync($"/productos/{productId}");

        page.ShouldContain($"<source type=\"image/webp\" srcset=\"/media/{h}-320.webp 320w, /media/{h}-1200.webp 1200w\" sizes=\"{Sizes}\" />");
        page.ShouldContain($"<img src=\"/media/{h}-1200.jpg\" srcset=\"/media/{h}-320.jpg 320w, /media/{h}-1200.jpg 1200w\" sizes=\"{Sizes}\" width=\"1200\" height=\"900\" alt=\"Mango tommy de exhibición\"");
        page.ShouldContain("loading=\"eager\" fetchpriority=\"high\"");
        page.ShouldNotContain("loading=\"lazy\"");
        page.ShouldNotContain("href=\"#foto-");
    }

    [Fact]
    public async Task ProductPage_WithSeveralPhotos_ShowsAGalleryOfThumbnailLinks_AndFetchesOnlyTheFirstAtOnce()
    {
        var productId = await NewProductOfTereAsync("Canasta navideña en tres fotos");
        var (tere, _) = await Host.SignInAsync(Tere);
        foreach (var width in new[] { 1600, 1200, 900 })
        {
            await AddPhotoAsync(tere, productId, SamplePhotos.Jpeg(width, 1200));
        }
        var photos = await PhotosOfAsync(productId);

        var page = await Host.CreateClient().GetStringAsync($"/productos/{productId}");

        photos.Count.ShouldBe(3);
        page.ShouldContain($"<img src=\"/media/{photos[0].Hash}-1200.jpg\"");
        page.ShouldContain("alt=\"Canasta navideña en tres fotos, foto 1 de 3\"");
        // A portrait photo is 1200 high: its large rendition keeps its own width and height.
        page.ShouldContain($"width=\"{photos[2].LargeWidth}\" height=\"1200\" alt=\"Canasta navideña en tres fotos, foto 3 de 3\"");
        Count(page, "loading=\"eager\" fetchpriority=\"high\"").ShouldBe(1);
        Count(page, "loading=\"lazy\" fetchpriority=\"auto\"").ShouldBe(2);
        page.IndexOf("fetchpriority=\"high\"", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("fetchpriority=\"auto\"", StringComparison.Ordinal));
        for (var i = 1; i <= 3; i++)
        {
            page.ShouldContain($"<li id=\"foto-{i}\">");
            page.ShouldContain($"<a href=\"#foto-{i}\" aria-label=\"Ver foto {i} de 3\"><img src=\"/media/{photos[i - 1].Hash}-320.jpg\"");
        }
    }

    [Fact]
    public async Task ShopPageCards_KeepTheSmallRendition()
    {
        var productId = await NewProductOfTereAsync("Jarra de barro para la tarjeta");
        var (tere, _) = await Host.SignInAsync(Tere);
        await AddPhotoAsync(tere, productId, SamplePhotos.Jpeg(1600, 1200));
        var photo = (await PhotosOfAsync(productId)).Single();
        var shop = await OnboardingForms.ShopOfAsync(Host, Tere);

        var page = await Host.CreateClient().GetStringAsync($"/tiendas/{shop.Id}");

        page.ShouldContain($"<img src=\"/media/{photo.Hash}-320.jpg\" width=\"320\" height=\"240\"");
        page.ShouldNotContain($"{photo.Hash}-1200");
    }

    [Fact]
    public async Task ShopLogo_ShowsOnTheShopPage_AndOnItsCardInTheShopList()
    {
        var shop = await OnboardingForms.ShopOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var token = MarketHost.AntiforgeryToken(await tere.GetStringAsync("/mi-tienda"));
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(Image(SamplePhotos.Jpeg(500, 500)), "logo", "logo.jpg");
        (await tere.PostAsync($"/mi-tienda/{shop.Id}/logo", content)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logo = await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Id == shop.Id).Select(s => s.LogoHash).SingleAsync());

        var shopPage = await Host.CreateClient().GetStringAsync($"/tiendas/{shop.Id}");
        var list = await Host.CreateClient().GetStringAsync("/tiendas");

        logo.ShouldNotBeNull();
        shopPage.ShouldContain($"<img class=\"logo\" src=\"/media/{logo}-320.jpg\" width=\"96\" height=\"96\"");
        var card = list[list.LastIndexOf("<li", list.IndexOf($"href=\"/tiendas/{shop.Id}\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        card[..card.IndexOf("</li>", StringComparison.Ordinal)].ShouldContain($"<img class=\"logo\" src=\"/media/{logo}-320.jpg\" width=\"48\" height=\"48\"");
        Count(list, "<img class=\"logo\"").ShouldBe(1);
    }

    [Fact]
    public async Task NewProductForm_WithPhotos_StoresTheProductWithThemInTheOrderChosen()
    {
        var (tere, _) = await Host.SignInAsync(Tere);
        var first = SamplePhotos.Jpeg(1600, 1200);
        var second = SamplePhotos.Jpeg(800, 800);

        var response = await CreateAsync(tere, "Queso fresco con foto", (first, "queso.jpg"), (second, "queso-2.jpg"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var product = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking().Include(p => p.Photos).SingleAsync(p => p.Name == "Queso fresco con foto"));
        product.Price.ShouldBe(Money.FromDollars(3.5m));
        product.Photos.OrderBy(p => p.Position).Select(p => p.Hash).ShouldBe([HashOf(first), HashOf(second)]);
        product.Photos.Single(p => p.Position == 0).ShouldSatisfyAllConditions(
            p => (p.LargeWidth, p.LargeHeight).ShouldBe((1200, 900)),
            p => (p.ThumbWidth, p.ThumbHeight).ShouldBe((320, 240)));
        var page = await Host.CreateClient().GetStringAsync($"/productos/{product.Id}");
        page.ShouldContain($"<img src=\"/media/{HashOf(first)}-1200.jpg\"");
        (await Host.CreateClient().GetAsync($"/media/{HashOf(second)}-1200.webp")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NewProductForm_WithABadPhoto_SaysSoInSpanish_KeepsWhatWasTyped_AndStoresNothing()
    {
        var (tere, _) = await Host.SignInAsync(Tere);
        var good = SamplePhotos.Jpeg(1000, 750);
        var before = await Checkout.QueryAsync(Host, db => db.ProductPhotos.CountAsync());

        var response = await CreateAsync(tere, "Tamal pisque sin foto", (good, "tamal.jpg"), ("esto no es una foto"u8.ToArray(), "tamal-2.jpg"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var form = await response.Content.ReadAsStringAsync();
        form.ShouldContain("El archivo no es una imagen. Sube una foto JPEG, PNG, WebP o HEIC.");
        form.ShouldContain("No se guardó nada. Lo que escribiste sigue aquí; vuelve a elegir las fotos.");
        form.ShouldContain("value=\"Tamal pisque sin foto\"");
        form.ShouldContain("value=\"3.50\"");
        form.ShouldContain("value=\"docena\"");
        form.ShouldContain(">Hecho en casa, con chipilín</textarea>");
        (await Checkout.QueryAsync(Host, db => db.Products.AnyAsync(p => p.Name == "Tamal pisque sin foto"))).ShouldBeFalse();
        (await Checkout.QueryAsync(Host, db => db.ProductPhotos.CountAsync())).ShouldBe(before);
        (await Host.CreateClient().GetAsync($"/media/{HashOf(good)}-320.jpg")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string name, params (byte[] Bytes, string FileName)[] photos)
    {
        var shop = await OnboardingForms.ShopOfAsync(Host, Tere);
        var category = await Checkout.QueryAsync(Host, db => db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var token = MarketHost.AntiforgeryToken(await client.GetStringAsync($"/tienda/catalogo/nuevo?tienda={shop.Id}"));
        using var content = new MultipartFormDataContent();
        foreach (var (field, value) in new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ShopId"] = shop.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = name,
            ["Description"] = "Hecho en casa, con chipilín",
            ["CategoryId"] = category.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Price"] = "3.50",
            ["Unit"] = "docena",
            ["TracksStock"] = "false",
            ["IsActive"] = "true",
            ["IsLocal"] = "false",
        })
        {
            content.Add(new StringContent(value), field);
        }
        foreach (var (bytes, fileName) in photos)
        {
            content.Add(Image(bytes), "fotos", fileName);
        }
        return await client.PostAsync("/tienda/catalogo/nuevo", content);
    }

    private static async Task AddPhotoAsync(HttpClient client, int productId, byte[] photo)
    {
        var token = MarketHost.AntiforgeryToken(await client.GetStringAsync($"/tienda/catalogo/{productId}"));
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(Image(photo), "foto", "foto.jpg");
        (await client.PostAsync($"/tienda/catalogo/{productId}/fotos", content)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return part;
    }

    /// <summary>Renditions are named by the upload's content, so a test knows the name of a photo it never stored.</summary>
    private static string HashOf(byte[] upload) => Convert.ToHexStringLower(SHA256.HashData(upload))[..32];

    private Task<List<ProductPhoto>> PhotosOfAsync(int productId) =>
        Checkout.QueryAsync(Host, db => db.ProductPhotos.AsNoTracking().Where(p => p.ProductId == productId).OrderBy(p => p.Position).ToListAsync());

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
                Price = Money.FromDollars(4),
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
