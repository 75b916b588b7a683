using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The resident's page for one order at /pedidos/{code}, updated live as the shop works on the order.</summary>
public sealed class TrackingPage(IPage page)
{
    public IPage Page => page;

    public ILocator Status => page.GetByTestId("order-status");

    public ILocator Timeline => page.GetByRole(AriaRole.List, new() { Name = "Historial" }).GetByRole(AriaRole.Listitem);

    public ILocator CancelButton => page.GetByRole(AriaRole.Button, new() { Name = "Cancelar pedido" });

    public ILocator PaymentFailure => page.GetByTestId("payment-failure");

    public ILocator PaymentState => page.GetByTestId("payment-state");

    public async Task<StripePaymentPage> RetryCardAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Intentar de nuevo con tarjeta" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pago con tarjeta", Level = 1 })).ToBeVisibleAsync();
        return new StripePaymentPage(page);
    }

    public Task SwitchToCashAsync(string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    public Task WaitUntilLiveAsync() => Expect(page.GetByText("En vivo", new() { Exact = true })).ToBeVisibleAsync();

    /// <summary>The status shown, and the timeline grown to that many steps with this one last.</summary>
    public async Task ExpectStepAsync(string status, int steps)
    {
        await Expect(Status).ToHaveTextAsync(status);
        await Expect(Timeline).ToHaveCountAsync(steps);
        await Expect(Timeline.Last).ToContainTextAsync(status);
    }

    public async Task CancelAsync(string reason)
    {
        await page.GetByLabel("Motivo de la cancelación").FillAsync(reason);
        await CancelButton.ClickAsync();
    }
}
