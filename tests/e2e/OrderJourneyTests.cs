using Market.Tests.E2e.Pages;
using Microsoft.Playwright;
using Market.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e;

public sealed class OrderJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    private const string DonaTere = "Tienda Doña Tere";
    private const string DonChepe = "Frutas y Verduras Don Chepe";

    [Fact]
    public async Task Resident_orders_from_two_shops_and_sees_each_step_of_the_shopkeeper_live()
    {
        var shots = new Screenshots(output, nameof(Resident_orders_from_two_shops_and_sees_each_step_of_the_shopkeeper_live));
        const string customer = "Lucía Campos";

        await using var shopkeeper = await market.NewPhoneAsync();
        var inbox = await new SignInPage(await shopkeeper.NewPageAsync()).SignInAsShopkeeperAsync("tere@demo.sv", MarketHost.Password);
        await inbox.WaitUntilLiveAsync();
        await Expect(inbox.NewOrdersBadge).ToBeHiddenAsync();
        await inbox.Page.MarkAsync();
        await shots.TakeAsync(inbox.Page, "inbox-live");

        await using var resident = await market.NewPhoneAsync();
        var browsing = await resident.NewPageAsync();
        var storefront = new StorefrontPage(browsing);
        await storefront.OpenAsync();
        var firstThumbnail = browsing.GetByRole(AriaRole.Article).First.Locator("picture img");
        await Expect(firstThumbnail).ToHaveAttributeAsync("loading", "lazy");
        await firstThumbnail.ScrollIntoViewIfNeededAsync();
        await Expect(firstThumbnail).ToHaveJSPropertyAsync("naturalWidth", 320);
        await shots.TakeAsync(browsing, "storefront");
        await storefront.FilterAsync("San Salvador", "Canasta básica");
        await shots.TakeAsync(browsing, "storefront-filtered");
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Frijol rojo de seda", DonaTere, itemsInCart: 1);
        await shots.TakeAsync(browsing, "shop-page");
        await storefront.OpenAsync();
        await storefront.FilterAsync("San Salvador", "Frutas y verduras");
        await storefront.AddToCartAsync("Aguacate", DonChepe, itemsInCart: 2);
        await shots.TakeAsync(browsing, "storefront-fruit");

        var cart = await storefront.OpenCartAsync();
        await Expect(cart.Shop(DonaTere)).ToContainTextAsync("Frijol rojo de seda");
        await Expect(cart.Shop(DonChepe)).ToContainTextAsync("Aguacate");
        await shots.TakeAsync(browsing, "cart");

        var checkout = await cart.ContinueAsync();
        await checkout.FillContactAsync(customer, "+503 7123 4567", "Pasaje Los Pinos #12, Colonia Miramonte", "portón verde frente a la iglesia");
        await Expect(checkout.Delivery(DonaTere)).ToBeCheckedAsync();
        // A market vendor's order is picked up at the next market day where it has a stall, which the choice names.
        await Expect(checkout.ChosenMarketPickup(DonChepe)).ToHaveCountAsync(1);
        // The totals follow the choice before confirming: Doña Tere's delivery fee goes when the order is picked up.
        var withDelivery = await checkout.GrandTotal.TextContentAsync();
        await checkout.Pickup(DonaTere).CheckAsync();
        await Expect(checkout.GrandTotal).Not.ToHaveTextAsync(withDelivery!);
        await checkout.Delivery(DonaTere).CheckAsync();
        await Expect(checkout.GrandTotal).ToHaveTextAsync(withDelivery!);
        await checkout.PayWithAsync(DonaTere, "20.00");
        await shots.TakeAsync(browsing, "checkout");
        await checkout.ConfirmAsync();
        await Expect(checkout.TrackingLinks).ToHaveCountAsync(2);
        await shots.TakeAsync(browsing, "confirmed");

        var tereOrder = await checkout.OpenTrackingAsync(DonaTere);
        var chepeOrder = await checkout.OpenTrackingAsync(DonChepe);
        foreach (var tracking in new[] { tereOrder, chepeOrder })
        {
            await tracking.ExpectStepAsync("Recibido", steps: 1);
            await tracking.WaitUntilLiveAsync();
            await tracking.Page.MarkAsync();
        }
        await shots.TakeAsync(tereOrder.Page, "tracking-tere-received");
        await shots.TakeAsync(chepeOrder.Page, "tracking-chepe-received");

        await Expect(inbox.OpenOrder(customer)).ToBeVisibleAsync();
        await Expect(InboxPage.Status(inbox.OpenOrder(customer))).ToHaveTextAsync("Recibido");
        await Expect(inbox.NewOrdersBadge).ToHaveTextAsync("1");
        await inbox.Page.ShouldNotHaveReloadedAsync();
        await shots.TakeAsync(inbox.Page, "inbox-new-order");

        await inbox.AdvanceAsync(customer, "Aceptar", "Aceptado");
        await Expect(inbox.NewOrdersBadge).ToBeHiddenAsync();
        await tereOrder.ExpectStepAsync("Aceptado", steps: 2);
        await Expect(tereOrder.CancelButton).ToHaveCountAsync(0);
        await shots.TakeAsync(tereOrder.Page, "tracking-tere-accepted");

        await inbox.AdvanceAsync(customer, "Empezar a preparar", "En preparación");
        await tereOrder.ExpectStepAsync("En preparación", steps: 3);
        await shots.TakeAsync(tereOrder.Page, "tracking-tere-preparing");

        await inbox.AdvanceAsync(customer, "Enviar", "En camino");
        await tereOrder.ExpectStepAsync("En camino", steps: 4);
        await shots.TakeAsync(inbox.Page, "inbox-out-for-delivery");
        await shots.TakeAsync(tereOrder.Page, "tracking-tere-out-for-delivery");

        await inbox.AdvanceAsync(customer, "Marcar entregado", "Entregado");
        await Expect(inbox.ClosedOrder(customer)).ToBeVisibleAsync();
        await tereOrder.ExpectStepAsync("Entregado", steps: 5);
        await shots.TakeAsync(inbox.Page, "inbox-delivered");
        await shots.TakeAsync(tereOrder.Page, "tracking-tere-delivered");

        await chepeOrder.ExpectStepAsync("Recibido", steps: 1);
        await tereOrder.Page.ShouldNotHaveReloadedAsync();
        await chepeOrder.Page.ShouldNotHaveReloadedAsync();
        await shots.TakeAsync(chepeOrder.Page, "tracking-chepe-still-received");
    }

    [Fact]
    public async Task Another_shopkeeper_never_sees_the_order_and_the_resident_cancels_it_before_acceptance()
    {
        var shots = new Screenshots(output, nameof(Another_shopkeeper_never_sees_the_order_and_the_resident_cancels_it_before_acceptance));
        const string customer = "Rosa Ayala";

        await using var chepe = await market.NewPhoneAsync();
        var otherInbox = await new SignInPage(await chepe.NewPageAsync()).SignInAsShopkeeperAsync("chepe@demo.sv", MarketHost.Password);
        await otherInbox.WaitUntilLiveAsync();
        await using var tere = await market.NewPhoneAsync();
        var inbox = await new SignInPage(await tere.NewPageAsync()).SignInAsShopkeeperAsync("tere@demo.sv", MarketHost.Password);
        await inbox.WaitUntilLiveAsync();

        await using var resident = await market.NewPhoneAsync();
        var storefront = new StorefrontPage(await resident.NewPageAsync());
        await storefront.OpenAsync();
        await storefront.FilterAsync("San Salvador", "Canasta básica");
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Arroz blanco", DonaTere, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync(customer, "+503 7654 3210", "Calle La Ceiba #3, Colonia Layco", "frente a la escuela");
        await checkout.ConfirmAsync();
        var order = await checkout.OpenTrackingAsync(DonaTere);
        await order.WaitUntilLiveAsync();

        // Tere's inbox receiving the order live proves it was pushed before we look for it where it must not be.
        await Expect(inbox.OpenOrder(customer)).ToBeVisibleAsync();
        await Expect(otherInbox.Order(customer)).ToHaveCountAsync(0);
        await otherInbox.ReloadAsync();
        await Expect(otherInbox.Order(customer)).ToHaveCountAsync(0);
        await shots.TakeAsync(otherInbox.Page, "other-shop-inbox");

        await order.CancelAsync("Me equivoqué de tienda");
        await order.ExpectStepAsync("Cancelado", steps: 2);
        await Expect(order.CancelButton).ToHaveCountAsync(0);
        await Expect(order.Page.GetByLabel("Motivo de la cancelación")).ToHaveCountAsync(0);
        await Expect(order.Timeline.Last).ToContainTextAsync("Me equivoqué de tienda");
        await shots.TakeAsync(order.Page, "tracking-cancelled");
        await Expect(InboxPage.Status(inbox.ClosedOrder(customer))).ToHaveTextAsync("Cancelado");
        await shots.TakeAsync(inbox.Page, "inbox-cancelled");
    }
}
