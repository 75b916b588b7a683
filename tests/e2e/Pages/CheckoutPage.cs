using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The checkout form, one group of choices per shop, and the confirmation page it leads to.</summary>
public sealed class CheckoutPage(IPage page)
{
    public async Task FillContactAsync(string name, string phone, string address, string reference)
    {
        await page.GetByLabel("Nombre", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Teléfono (+503)").FillAsync(phone);
        await page.GetByLabel("Dirección de entrega").FillAsync(address);
        await page.GetByLabel("Punto de referencia").FillAsync(reference);
    }

    public ILocator Delivery(string shop) => Shop(shop).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Entrega a domicilio") });

    public ILocator Pickup(string shop) => Shop(shop).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Retiro en la tienda") });

    /// <summary>The pickup at the vendor's stall on the market day at that space.</summary>
    public ILocator AtMarket(string shop, string space) =>
        Shop(shop).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Retiro en el mercado: " + Regex.Escape(space)) }).First;

    /// <summary>The chosen way to receive the shop's order, if it is a pickup at one of its market days.</summary>
    public ILocator ChosenMarketPickup(string shop) =>
        Shop(shop).GetByRole(AriaRole.Radio, new() { Checked = true, NameRegex = new Regex("^Retiro en el mercado: ") });

    /// <summary>The shop's total with the chosen delivery or pickup, and the grand total above the button.</summary>
    public ILocator ShopTotal(string shop) => Shop(shop).GetByTestId("shop-total");

    public ILocator GrandTotal => page.GetByTestId("grand-total");

    public ILocator Card(string shop) => Shop(shop).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Pagar con tarjeta") });

    /// <summary>Confirms a checkout of one card order: the browser goes on to the card payment page.</summary>
    public async Task<StripePaymentPage> ConfirmAndPayByCardAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirmar pedido") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pago con tarjeta", Level = 1 })).ToBeVisibleAsync();
        return new StripePaymentPage(page);
    }

    /// <summary>Chooses, among the market days where the vendor has a stall, the one at that space.</summary>
    public Task PickUpAtMarketAsync(string shop, string space) => AtMarket(shop, space).CheckAsync();

    public Task PayWithAsync(string shop, string amount) => Shop(shop).GetByLabel("Pago con").FillAsync(amount);

    public async Task ConfirmAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirmar pedido") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedido recibido", Level = 1 })).ToBeVisibleAsync();
    }

    public ILocator TrackingLinks => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Seguir el pedido de ") });

    /// <summary>Opens the order's tracking page in a new tab of the same browser, as a resident following two orders would.</summary>
    public async Task<TrackingPage> OpenTrackingAsync(string shop)
    {
        var href = await page.GetByRole(AriaRole.Link, new() { Name = $"Seguir el pedido de {shop}", Exact = true }).GetAttributeAsync("href");
        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync(href!);
        var tracking = new TrackingPage(tab);
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = $"Tu pedido a {shop}", Level = 1 })).ToBeVisibleAsync();
        return tracking;
    }

    private ILocator Shop(string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });
}
