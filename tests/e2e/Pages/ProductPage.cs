using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>A product's own page as a resident sees it.</summary>
public sealed class ProductPage(IPage page)
{
    /// <summary>The large photo at the top: the one named after the product (thumbnails of a gallery have no name of their own).</summary>
    public ILocator MainPhoto(string product) => page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^" + Regex.Escape(product)) }).First;

    public async Task OpenFromSearchAsync(string words, string product)
    {
        var search = new SearchPage(page);
        await search.SearchAsync(words);
        await search.Result(product).GetByRole(AriaRole.Link, new() { Name = product, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = product, Level = 1 })).ToBeVisibleAsync();
    }
}
