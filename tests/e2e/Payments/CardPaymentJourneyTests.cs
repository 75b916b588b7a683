using Market.Tests.E2e.Pages;
using Market.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Payments;

public sealed class CardPaymentJourneyTests(CardPaymentsBrowser market, ITestOutputHelper output) : IClassFixture<CardPaymentsBrowser>
{
    private const string DonaTere = "Tienda Doña Tere";

    [Fact]
    public async Task Resident_pays_by_card_on_the_payment_page_and_the_shopkeeper_sees_the_paid_order_live()
    {
        var shots = new Screenshots(output, nameof(Resident_pays_by_card_on_the_payment_page_and_the_shopkeeper_sees_the_paid_order_live));
        const string customer = "Marta Rivas";

        await using var shopkeeper = await market.NewPhoneAsync();
        var inbox = await new SignInPage(await shopkeeper.NewPageAsync()).SignInAsShopkeeperAsync("tere@demo.sv", MarketHost.Password);
        await inbox.WaitUntilLiveAsync();
        await inbox.Page.MarkAsync();

        await using var resident = await market.NewPhoneAsync();
        var browsing = await resident.NewPageAsync();
        var storefront = new StorefrontPage(browsing);
        await storefront.OpenAsync();
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Frijol rojo de seda", DonaTere, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync(customer, "+503 7654 3210", "Calle Arce #45, Centro", "frente al parque");
        await checkout.Card(DonaTere).CheckAsync();
        await shots.TakeAsync(browsing, "checkout-card");

        var stripe = await checkout.ConfirmAndPayByCardAsync();
        // The order is stored by now, awaiting payment: the shop's inbox, read afresh in another tab, must not show it.
        var fresh = await inbox.Page.Context.NewPageAsync();
        await fresh.GotoAsync("/tienda/pedidos");
        await new InboxPage(fresh).WaitUntilLiveAsync();
        await Expect(new InboxPage(fresh).Order(customer)).ToHaveCountAsync(0);
        await fresh.CloseAsync();
        await Expect(inbox.Order(customer)).ToHaveCountAsync(0);
        await shots.TakeAsync(stripe.Page, "stripe-page");
        var tracking = await stripe.PayAsync();

        await tracking.ExpectStepAsync("Recibido", steps: 2);
        await Expect(tracking.PaymentState).ToContainTextAsync("Pagado con tarjeta");
        await shots.TakeAsync(tracking.Page, "tracking-paid");
        await Expect(inbox.OpenOrder(customer)).ToBeVisibleAsync();
        await Expect(InboxPage.Status(inbox.OpenOrder(customer))).ToHaveTextAsync("Recibido");
        await Expect(inbox.OpenOrder(customer).GetByTestId("paid-by-card")).ToHaveTextAsync("Pagado con tarjeta");
        await inbox.Page.ShouldNotHaveReloadedAsync();
        await shots.TakeAsync(inbox.Page, "inbox-paid-order");
    }

    [Fact]
    public async Task Declined_card_tells_the_resident_why_and_they_pay_in_cash_instead()
    {
        var shots = new Screenshots(output, nameof(Declined_card_tells_the_resident_why_and_they_pay_in_cash_instead));
        const string customer = "Rosa Martínez";

        await using var shopkeeper = await market.NewPhoneAsync();
        var inbox = await new SignInPage(await shopkeeper.NewPageAsync()).SignInAsShopkeeperAsync("tere@demo.sv", MarketHost.Password);
        await inbox.WaitUntilLiveAsync();

        await using var resident = await market.NewPhoneAsync();
        var storefront = new StorefrontPage(await resident.NewPageAsync());
        await storefront.OpenAsync();
        await storefront.OpenShopAsync(DonaTere);
        await storefront.AddToCartAsync("Frijol rojo de seda", DonaTere, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync(customer, "+503 7000 1122", "Colonia Layco, pasaje 2", "casa azul");
        await checkout.Card(DonaTere).CheckAsync();

        var tracking = await (await checkout.ConfirmAndPayByCardAsync()).DeclineAsync();

        await Expect(tracking.PaymentFailure).ToHaveTextAsync("La tarjeta no tiene fondos suficientes. Prueba con otra tarjeta o paga en efectivo.");
        await Expect(tracking.Status).ToHaveTextAsync("Esperando el pago");
        await shots.TakeAsync(tracking.Page, "tracking-declined");
        var again = await tracking.RetryCardAsync();
        await again.Page.GoBackAsync();
        await tracking.SwitchToCashAsync("Mejor pago en efectivo al recibir");

        await Expect(tracking.Status).ToHaveTextAsync("Recibido");
        await Expect(tracking.PaymentState).ToHaveCountAsync(0);
        await Expect(tracking.Page.GetByText("Pago en efectivo contra entrega")).ToBeVisibleAsync();
        await Expect(inbox.OpenOrder(customer)).ToBeVisibleAsync();
        await Expect(inbox.OpenOrder(customer).GetByTestId("paid-by-card")).ToHaveCountAsync(0);
        await shots.TakeAsync(inbox.Page, "inbox-switched-to-cash");
    }
}
