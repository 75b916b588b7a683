using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The shopkeeper's orders inbox at /tienda/pedidos; each order is an article named after its customer.</summary>
public sealed class InboxPage(IPage page)
{
    public IPage Page => page;

    public ILocator NewOrdersBadge => page.GetByTestId("new-orders");

    public ILocator Order(string customer) => page.GetByRole(AriaRole.Article, new() { Name = $"Pedido de {customer}", Exact = true });

    public ILocator OpenOrder(string customer) => page.GetByRole(AriaRole.Region, new() { Name = "Pendientes" }).GetByRole(AriaRole.Article, new() { Name = $"Pedido de {customer}", Exact = true });

    public ILocator ClosedOrder(string customer) => page.GetByRole(AriaRole.Region, new() { Name = "Terminados recientemente" }).GetByRole(AriaRole.Article, new() { Name = $"Pedido de {customer}", Exact = true });

    public static ILocator Status(ILocator order) => order.GetByTestId("card-status");

    public Task WaitUntilLiveAsync() => Expect(page.GetByText("En vivo", new() { Exact = true })).ToBeVisibleAsync();

    /// <summary>Clicks one of the order's buttons; the form posts and the inbox comes back with the order's new status.</summary>
    public async Task AdvanceAsync(string customer, string action, string status)
    {
        await Order(customer).GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Expect(Status(Order(customer))).ToHaveTextAsync(status);
    }

    public async Task ReloadAsync()
    {
        await page.ReloadAsync();
        await WaitUntilLiveAsync();
    }
}
