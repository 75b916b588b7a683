using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The catalog: the home page with its filters and the shop pages, which share the same product cards.</summary>
public sealed class StorefrontPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Productos de tiendas cerca de ti" })).ToBeVisibleAsync();
    }

    public async Task FilterAsync(string municipality, string category)
    {
        await SearchPage.OpenFiltersAsync(page);
        await page.GetByLabel("Municipio").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await page.GetByLabel("Categoría").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("categoria="));
        // What the resident sees: products, every one of them in that municipality, and the filters as chosen.
        var products = page.GetByRole(AriaRole.Region, new() { Name = "Productos" }).GetByRole(AriaRole.Article);
        await Expect(products.First).ToBeVisibleAsync();
        await Expect(products.Filter(new() { HasNotText = "· " + municipality })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Categoría").Locator("option:checked")).ToHaveTextAsync(category);
        await Expect(page.GetByLabel("Municipio").Locator("option:checked")).ToHaveTextAsync(municipality);
    }

    public async Task OpenShopAsync(string shop)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = shop, Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = shop, Level = 1 })).ToBeVisibleAsync();
    }

    public async Task AddToCartAsync(string product, string shop, int itemsInCart)
    {
        var name = new Regex($@"^Agregar {Regex.Escape(product)} \(.+\) de {Regex.Escape(shop)} al carrito$");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = name }).First.ClickAsync();
        await Expect(AddedStatus).ToHaveTextAsync($"Agregaste {product} al carrito. Productos en el carrito: {itemsInCart}.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Carrito" })).ToHaveTextAsync($"Carrito {itemsInCart}");
    }

    /// <summary>What the page says after "Agregar": a status fixed at the bottom of the screen.</summary>
    public ILocator AddedStatus => page.GetByTestId("cart-status");

    public ILocator CartCount => page.GetByTestId("cart-count");

    /// <summary>The listed products' cards, in the order shown.</summary>
    public ILocator Cards => page.GetByRole(AriaRole.Region, new() { Name = "Productos" }).GetByRole(AriaRole.Article);

    public static ILocator AddButton(ILocator card) => card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Agregar ") });

    public async Task<CartPage> OpenCartAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Carrito" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Carrito", Level = 1 })).ToBeVisibleAsync();
        return new CartPage(page);
    }
}
