using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Market.Tests.E2e.Pages;

/// <summary>The hosted card payment page (the Stripe fake's stand-in for Stripe Checkout).</summary>
public sealed class StripePaymentPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Pays; Stripe sends the browser back to the order's tracking page.</summary>
    public async Task<TrackingPage> PayAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Pagar \$") }).ClickAsync();
        return new TrackingPage(page);
    }

    /// <summary>The card is declined; the resident goes back to the order's tracking page.</summary>
    public async Task<TrackingPage> DeclineAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Simular tarjeta rechazada" }).ClickAsync();
        return new TrackingPage(page);
    }
}
