using Market.Core;
using Market.Core.MarketDays;
using Market.Tests.E2e.Pages;
using Market.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.MarketDays;

public sealed class MarketDayJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    [Fact]
    public async Task Santa_Tecla_schedules_a_Saturday_market_a_vendor_gets_stall_4_a_resident_orders_ahead_and_sees_the_cancellation_live()
    {
        var shots = new Screenshots(output, nameof(Santa_Tecla_schedules_a_Saturday_market_a_vendor_gets_stall_4_a_resident_orders_ahead_and_sees_the_cancellation_live));
        var plaza = "Plaza Merliot " + Guid.NewGuid().ToString("N")[..4];
        var staffLogin = await TestAccounts.StaffAsync(market.Host, "ST");
        var (vendorLogin, vendorShop) = await MarketPeople.VendorWithProductAsync(market.Host, "ST", "Hortalizas Doña Marta", "Elote tierno");
        var tomorrow = ElSalvadorTime.Today(TimeProvider.System).AddDays(1);

        await using var staffContext = await market.NewPhoneAsync();
        var staffPage = await staffContext.NewPageAsync();
        await new SignInPage(staffPage).SignInAsync(staffLogin, MarketHost.Password);
        var admin = new MarketAdminPage(staffPage);
        await admin.RegisterPlazaAsync(plaza, 13.6790, -89.2790, 20);
        await admin.ScheduleWeeklyAsync("Sábado", tomorrow, tomorrow.AddDays(27), "07:00", "13:00");
        await shots.TakeAsync(staffPage, "series-scheduled");

        await using var vendorContext = await market.NewPhoneAsync();
        var vendorPage = await vendorContext.NewPageAsync();
        await new SignInPage(vendorPage).SignInAsShopkeeperAsync(vendorLogin, MarketHost.Password);
        await new MarketsPage(vendorPage).ApplyForStallAsync(plaza);
        await shots.TakeAsync(vendorPage, "vendor-applied");

        await staffPage.ReloadAsync();
        await admin.OpenNextDayAsync();
        await admin.ApproveAsync(vendorShop, 4);
        await shots.TakeAsync(staffPage, "stall-4-approved");

        await using var residentContext = await market.NewPhoneAsync();
        var residentPage = await residentContext.NewPageAsync();
        var markets = new MarketsPage(residentPage);
        await markets.OpenAsync("Santa Tecla");
        await Expect(markets.Day(plaza).First).ToContainTextAsync("sáb");
        await Expect(markets.Day(plaza).First).ToContainTextAsync("07:00–13:00");
        await Expect(markets.Day(plaza).First).ToContainTextAsync(vendorShop);
        await shots.TakeAsync(residentPage, "mercados");
        await markets.OpenDayAsync(plaza);
        await Expect(residentPage.GetByRole(AriaRole.Heading, new() { Name = $"{vendorShop} · puesto 4" })).ToBeVisibleAsync();
        var storefront = new StorefrontPage(residentPage);
        await storefront.AddToCartAsync("Elote tierno", vendorShop, itemsInCart: 1);
        var checkout = await (await storefront.OpenCartAsync()).ContinueAsync();
        await checkout.FillContactAsync("Lucía Campos", "+503 7123 4567", "", "");
        await checkout.PickUpAtMarketAsync(vendorShop, plaza);
        await Expect(checkout.AtMarket(vendorShop, plaza)).ToBeCheckedAsync();
        await shots.TakeAsync(residentPage, "checkout-market-pickup");
        await checkout.ConfirmAsync();
        var tracking = await checkout.OpenTrackingAsync(vendorShop);
        await tracking.WaitUntilLiveAsync();
        await tracking.ExpectStepAsync("Recibido", steps: 1);

        await admin.CancelDayAsync("Lluvia fuerte");
        await shots.TakeAsync(staffPage, "day-cancelled");

        await Expect(tracking.Timeline).ToHaveCountAsync(2);
        await Expect(tracking.Timeline.Last).ToContainTextAsync("Mercado cancelado");
        await Expect(tracking.Timeline.Last).ToContainTextAsync("Lluvia fuerte");
        await Expect(tracking.Status).ToHaveTextAsync("Recibido");
        await shots.TakeAsync(tracking.Page, "order-sees-cancellation");
    }
}
