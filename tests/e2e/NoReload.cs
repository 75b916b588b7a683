using Microsoft.Playwright;

namespace Market.Tests.E2e;

/// <summary>Proves a page changed live: a mark left in its window survives only if the page was never reloaded.</summary>
public static class NoReload
{
    public static Task MarkAsync(this IPage page) => page.EvaluateAsync("() => { window.e2eNeverReloaded = true; }");

    public static async Task ShouldNotHaveReloadedAsync(this IPage page) =>
        (await page.EvaluateAsync<bool>("() => window.e2eNeverReloaded === true")).ShouldBeTrue($"{page.Url} was reloaded");
}
