using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>Residents' upcoming market days at /mercados, a market day's vendors, and the vendor's own stalls page.</summary>
public sealed class MarketsPage(IPage page)
{
    public async Task OpenAsync(string municipality)
    {
        await page.GotoAsync("/mercados");
        await page.GetByLabel("Municipio").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mercados cerca de ti", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The listed market day at that space.</summary>
    public ILocator Day(string space) => page.GetByTestId("market-days").GetByRole(AriaRole.Listitem).Filter(new() { HasText = space });

    public async Task OpenDayAsync(string space)
    {
        await Day(space).First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Mercado en " + Regex.Escape(space)), Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>As a vendor at /mis-puestos: applies for the first upcoming day at the space.</summary>
    public async Task ApplyForStallAsync(string space)
    {
        await page.GotoAsync("/mis-puestos");
        var day = page.GetByTestId("open-days").GetByRole(AriaRole.Listitem).Filter(new() { HasText = space }).First;
        await day.GetByRole(AriaRole.Button, new() { Name = "Solicitar puesto este día" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Solicitud enviada a la alcaldía.");
        await Expect(page.GetByTestId("my-stalls")).ToContainTextAsync(space);
    }
}
