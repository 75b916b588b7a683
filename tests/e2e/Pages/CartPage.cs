using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

public sealed class CartPage(IPage page)
{
    public ILocator Shop(string name) => page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    public async Task<CheckoutPage> ContinueAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Continuar con el pedido" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirmar pedido", Level = 1 })).ToBeVisibleAsync();
        return new CheckoutPage(page);
    }
}
