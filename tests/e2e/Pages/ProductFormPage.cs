using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The shopkeeper's new-product form, photos included.</summary>
public sealed class ProductFormPage(IPage page)
{
    public ILocator Photos => page.GetByLabel("Fotos (toma con la cámara o elige hasta 5)");

    public async Task OpenNewAsync()
    {
        await page.GotoAsync("/tienda/catalogo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nuevo producto" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nuevo producto", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task FillAsync(string name, string category, string price, string unit)
    {
        await page.GetByLabel("Nombre", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Categoría").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByLabel("Precio (US$)").FillAsync(price);
        await page.GetByLabel("Unidad", new() { Exact = true }).FillAsync(unit);
        await page.GetByLabel("Existencias", new() { Exact = true }).FillAsync("12");
    }

    public Task ChoosePhotosAsync(params FilePayload[] photos) => Photos.SetInputFilesAsync(photos);

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
}
