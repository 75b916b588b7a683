using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The storefront's search box and its "más filtros".</summary>
public sealed class SearchPage(IPage page)
{
    public ILocator Results => page.GetByRole(AriaRole.Region, new() { Name = "Productos" }).GetByRole(AriaRole.Article);

    public ILocator Result(string name) => Results.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    public async Task SearchAsync(string words)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar" }).FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("q=" + Regex.Escape(words)));
        await Expect(page.GetByText(new Regex(@"^\d+ resultados? para «"))).ToBeVisibleAsync();
    }

    public async Task OnlyOpenNowAsync()
    {
        await OpenFiltersAsync(page);
        await page.GetByLabel("Abierto ahora").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("abierto=true"));
    }

    /// <summary>Opens the "Filtros" panel, which a phone shows closed, unless it is open already.</summary>
    public static async Task OpenFiltersAsync(IPage page)
    {
        var panel = page.Locator("details.filters-panel");
        if (await panel.GetAttributeAsync("open") is null)
        {
            await panel.Locator("summary").ClickAsync();
        }
        await Expect(page.GetByLabel("Municipio")).ToBeVisibleAsync();
    }

    public async Task<IReadOnlyList<int>> ProductIdsAsync()
    {
        var ids = new List<int>();
        foreach (var article in await Results.AllAsync())
        {
            ids.Add(int.Parse((await article.GetAttributeAsync("id"))!["producto-".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        return ids;
    }
}
