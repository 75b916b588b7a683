using System.Net;
using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Integration.Storefront;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Catalog;

/// <summary>The shopkeeper's catalog pages: quick edits, the product form, and nobody else's products.</summary>
public sealed class CatalogTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task QuickEdit_ChangesPriceAndStock_OfTheShopkeepersProduct()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);

        var response = await PostFormAsync(tere, "/tienda/catalogo", $"/tienda/catalogo/{product.Id}/rapido", new()
        {
            ["price"] = "2.35",
            ["stock"] = "12",
            ["tracksStock"] = "true",
            ["tienda"] = product.ShopId.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Checkout.QueryAsync(Host, db => db.Products.SingleAsync(p => p.Id == product.Id));
        stored.Price.Cents.ShouldBe(235);
        stored.Stock.ShouldBe(12);
    }

    [Fact]
    public async Task AnotherShopkeeper_CannotSeeOrChangeTheProduct()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (chepe, _) = await Host.SignInAsync("chepe@demo.sv");

        var quick = await PostFormAsync(chepe, "/tienda/catalogo", $"/tienda/catalogo/{product.Id}/rapido", new()
        {
            ["price"] = "0.05",
            ["tracksStock"] = "false",
            ["tienda"] = product.ShopId.ToString(),
        });
        var edit = await chepe.GetAsync($"/tienda/catalogo/{product.Id}");
        var update = await PostFormAsync(chepe, "/tienda/catalogo", $"/tienda/catalogo/{product.Id}", ValidForm(product.ShopId, product.CategoryId, "Robado"));
        var create = await PostFormAsync(chepe, "/tienda/catalogo", "/tienda/catalogo/nuevo", ValidForm(product.ShopId, product.CategoryId, "Intruso"));
        var list = await chepe.GetAsync($"/tienda/catalogo?tienda={product.ShopId}");

        quick.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        create.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await Checkout.QueryAsync(Host, db => db.Products.SingleAsync(p => p.Id == product.Id));
        stored.Price.ShouldBe(product.Price);
        stored.Name.ShouldBe(product.Name);
        (await Checkout.QueryAsync(Host, db => db.Products.AnyAsync(p => p.Name == "Intruso"))).ShouldBeFalse();
    }

    [Fact]
    public async Task NewProduct_WithBadInput_IsRefusedInSpanish_KeepsWhatWasTyped_AndStoresNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        var form = ValidForm(product.ShopId, product.CategoryId, "Queso duro blandito");
        form["Price"] = "1.234";
        form["Stock"] = "-3";

        var response = await PostFormAsync(tere, "/tienda/catalogo/nuevo?tienda=" + product.ShopId, "/tienda/catalogo/nuevo", form);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("Escribe un precio mayor que cero en dólares");
        page.ShouldContain("Las existencias deben ser un número entero");
        page.ShouldContain("value=\"Queso duro blandito\"");
        (await Checkout.QueryAsync(Host, db => db.Products.AnyAsync(p => p.Name == "Queso duro blandito"))).ShouldBeFalse();
    }

    [Fact]
    public async Task NewProduct_AppearsOnTheStorefront_WithItsNameEncoded()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var (tere, _) = await Host.SignInAsync(Tere);
        const string name = "<script>alert(1)</script>";

        var response = await PostFormAsync(tere, "/tienda/catalogo/nuevo?tienda=" + product.ShopId, "/tienda/catalogo/nuevo",
            ValidForm(product.ShopId, product.CategoryId, name));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await Checkout.QueryAsync(Host, db => db.Products.SingleAsync(p => p.Name == name));
        created.Price.Cents.ShouldBe(150);
        created.Stock.ShouldBe(8);
        var shopPage = await Host.CreateClient().GetStringAsync($"/tiendas/{product.ShopId}");
        shopPage.ShouldNotContain(name);
        shopPage.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task OnlyMetropolitanStaff_AddCategories()
    {
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");
        var (municipal, _) = await Host.SignInAsync("alcaldia.ss@demo.sv");
        var (shopkeeper, _) = await Host.SignInAsync(Tere);

        var added = await PostFormAsync(metro, "/admin/categorias", "/admin/categorias", new() { ["name"] = "Plantas y viveros" });
        var duplicate = await PostFormAsync(metro, "/admin/categorias", "/admin/categorias", new() { ["name"] = "plantas y VIVEROS" });
        var byMunicipal = await PostFormAsync(municipal, "/admin", "/admin/categorias", new() { ["name"] = "Municipal" });
        var byShopkeeper = await PostFormAsync(shopkeeper, "/tienda/pedidos", "/admin/categorias", new() { ["name"] = "Tendero" });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("Ya existe una categoría con ese nombre");
        byMunicipal.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        byShopkeeper.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        var names = await Checkout.QueryAsync(Host, db => db.Categories.Select(c => c.Name).ToListAsync());
        names.Count(n => n.Equals("Plantas y viveros", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        names.ShouldNotContain("Municipal");
        names.ShouldNotContain("Tendero");
    }

    [Fact]
    public async Task RenamedCategory_ShowsItsNewName_OnTheStorefrontAndTheProductPage_AndItsOldLinkStillWorks()
    {
        var bakery = await Checkout.QueryAsync(Host, db => db.Categories.Where(c => c.Slug == "panaderia").Select(c => c.Id).SingleAsync());
        var bread = await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.CategoryId == bakery && p.IsActive && p.Shop.Status == ShopStatus.Active)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var resident = Host.CreateClient();
        var before = await resident.GetStringAsync("/?categoria=panaderia");
        var productBefore = await resident.GetStringAsync($"/productos/{bread[0]}");
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");

        var renamed = await PostFormAsync(metro, "/admin/categorias", $"/admin/categorias/{bakery}", new() { ["name"] = "Pan dulce y francés" });

        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Checkout.QueryAsync(Host, db => db.Categories.AsNoTracking().SingleAsync(c => c.Id == bakery));
        (stored.Name, stored.Slug).ShouldBe(("Pan dulce y francés", "panaderia"));
        before.ShouldContain("<option value=\"panaderia\" selected=\"selected\">Panadería</option>");
        var after = await resident.GetStringAsync("/?categoria=panaderia");
        after.ShouldContain("<option value=\"panaderia\" selected=\"selected\">Pan dulce y francés</option>");
        after.ShouldNotContain(">Panadería</option>");
        StorefrontHtml.ProductIdsIn(after).Order().ShouldBe(bread);
        var productPage = await resident.GetStringAsync($"/productos/{bread[0]}");
        productBefore.ShouldContain("<p class=\"meta\">Panadería · <a href=\"/tiendas/");
        productPage.ShouldContain("<p class=\"meta\">Pan dulce y francés · <a href=\"/tiendas/");
    }

    private static Dictionary<string, string> ValidForm(int shopId, int categoryId, string name) => new()
    {
        ["ShopId"] = shopId.ToString(),
        ["Name"] = name,
        ["CategoryId"] = categoryId.ToString(),
        ["Unit"] = "unidad",
        ["Price"] = "1.50",
        ["TracksStock"] = "true",
        ["Stock"] = "8",
        ["IsActive"] = "true",
    };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageWithToken, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(pageWithToken);
        var token = page.IsSuccessStatusCode
            ? MarketHost.AntiforgeryToken(await page.Content.ReadAsStringAsync())
            : MarketHost.AntiforgeryToken(await client.GetStringAsync("/tienda/pedidos"));
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
