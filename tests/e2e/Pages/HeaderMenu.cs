using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The header's "Menú" button and what waits behind it.</summary>
public sealed class HeaderMenu(IPage page)
{
    public ILocator Links => page.GetByRole(AriaRole.Navigation, new() { Name = "Más opciones" }).GetByRole(AriaRole.Link);

    /// <summary>Taps "Menú": opens the menu, or with <paramref name="close"/> closes it again.</summary>
    public async Task OpenAsync(bool close = false)
    {
        await page.Locator("details.menu > summary").ClickAsync();
        await (close ? Expect(Links.First).ToBeHiddenAsync() : Expect(Links.First).ToBeVisibleAsync());
    }

    public async Task SignOutAsync()
    {
        await OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salir" }).ClickAsync();
    }
}
