using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Storefront;

/// <summary>The storefront's municipality and category filters: every product of that municipality or category, and nothing else.</summary>
public sealed class StorefrontFilterTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task MunicipalityFilter_ShowsEveryProductOfThatMunicipality_AndNoOther()
    {
        var soyapango = await Checkout.QueryAsync(Host, db => db.Municipalities.Where(m => m.Code == "SO").Select(m => m.Id).SingleAsync());
        var expected = await Checkout.QueryAsync(Host, db => db.Products
            .Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active && p.Shop.MunicipalityId == soyapango)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var tere = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv");
        var client = Host.CreateClient();

        var first = await client.GetStringAsync("/?municipio=SO");
        var shown = await StorefrontHtml.EveryProductIdAsync(client, "/?municipio=SO");

        expected.Count.ShouldBeGreaterThan(24, "the demo's four Soyapango shops fill more than one page");
        first.ShouldContain($"<h2 class=\"count\">{expected.Count} productos</h2>");
        first.ShouldContain("<option value=\"SO\" selected=\"selected\">Soyapango</option>");
        shown.Order().ShouldBe(expected);
        shown.ShouldNotContain(tere.Id, "Tienda Doña Tere is in San Salvador");
        StorefrontHtml.ProductIdsIn(first).ShouldAllBe(id => StorefrontHtml.CardOf(first, id).Contains(" · Soyapango</p>"));
    }

    [Fact]
    public async Task CategoryFilter_ShowsEveryProductOfThatCategory_AndNoOther()
    {
        var bakery = await Checkout.QueryAsync(Host, db => db.Categories.Where(c => c.Slug == "panaderia").Select(c => c.Id).SingleAsync());
        var expected = await Checkout.QueryAsync(Host, db => db.Products
            .Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active && p.CategoryId == bakery)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var beans = await Checkout.QueryAsync(Host, db => db.Products.Where(p => p.Name == "Frijol rojo de seda").Select(p => p.Id).FirstAsync());
        var client = Host.CreateClient();

        var first = await client.GetStringAsync("/?categoria=panaderia");
        var shown = await StorefrontHtml.EveryProductIdAsync(client, "/?categoria=panaderia");

        expected.ShouldNotBeEmpty();
        first.ShouldContain($"<h2 class=\"count\">{expected.Count} productos</h2>");
        first.ShouldContain("<option value=\"panaderia\" selected=\"selected\">Panadería</option>");
        shown.Order().ShouldBe(expected);
        shown.ShouldNotContain(beans, "frijol is canasta básica, not panadería");
    }

    [Theory]
    [InlineData("/", "Filtros")]
    [InlineData("/?q=pan", "Filtros")]
    [InlineData("/?municipio=SO", "Filtros (1)")]
    [InlineData("/?municipio=SO&categoria=panaderia&abierto=true&retiro=true&min=1&max=5", "Filtros (5)")]
    public async Task FiltersButton_SaysHowManyFiltersAreOn(string url, string button)
    {
        var page = await Host.CreateClient().GetStringAsync(url);

        page.ShouldContain($"<summary>{button}</summary>");
        page.ShouldContain("<input type=\"search\" id=\"q\" name=\"q\"");
    }
}
