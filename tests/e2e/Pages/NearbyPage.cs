using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>"¿Dónde estás?" and the list of shops near the resident.</summary>
public sealed partial class NearbyPage(IPage page)
{
    public IPage Page => page;

    public ILocator Shops => page.GetByRole(AriaRole.List, new() { Name = "Tiendas cerca de ti" }).GetByRole(AriaRole.Listitem);

    public async Task SetLocationAsync(string neighbourhood, bool remember)
    {
        await page.GotoAsync("/ubicacion");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¿Dónde estás?" })).ToBeVisibleAsync();
        await Expect(page.GetByText("La usamos solo para ordenar las tiendas por distancia")).ToBeVisibleAsync();
        await page.GetByLabel("Colonia o barrio").SelectOptionAsync(new SelectOptionValue { Label = neighbourhood });
        if (remember)
        {
            await page.GetByLabel("Recordar mi ubicación en este teléfono").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver tiendas cerca" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tiendas cerca de ti" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Cerca de {neighbourhood}")).ToBeVisibleAsync();
    }

    public async Task<IReadOnlyList<(string Name, double Km)>> ShopsWithDistanceAsync()
    {
        var rows = new List<(string, double)>();
        foreach (var row in await Shops.AllAsync())
        {
            var name = await row.GetByRole(AriaRole.Heading).InnerTextAsync();
            var distance = await row.Locator(".distance").InnerTextAsync();
            rows.Add((name.Trim(), Km(distance)));
        }
        return rows;
    }

    /// <summary>"a 850 m" → 0.85, "a 2,3 km" → 2.3.</summary>
    public static double Km(string text)
    {
        var m = Distance().Match(text);
        m.Success.ShouldBeTrue($"'{text}' is not a distance");
        var number = double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "m" ? number / 1000 : number;
    }

    [GeneratedRegex(@"^a (\d+(?:,\d)?) (m|km)$")]
    private static partial Regex Distance();
}
