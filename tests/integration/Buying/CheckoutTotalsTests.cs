using System.Net;
using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Buying;

/// <summary>What checkout shows before the confirm button: each shop's subtotal, delivery fee and total, and what it all comes to.</summary>
public sealed class CheckoutTotalsTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task Checkout_ShowsEachShopsDeliveryFeeAndTotal_AndAGrandTotalEqualToWhatTheOrdersCharge()
    {
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Tuesday, 10));
        var first = await CheckoutHtml.DeliveringProductAsync(Host);
        var second = await CheckoutHtml.DeliveringProductAsync(Host, notShopId: first.ShopId);
        var (client, cookies) = await Host.SignInAsync("vecina@demo.sv");
        CheckoutHtml.FillCart(Host, cookies, (first.Id, 2), (second.Id, 1));

        var page = await client.GetStringAsync("/checkout");
        var fields = CheckoutHtml.Fields(page, new Dictionary<int, string> { [first.ShopId] = "Delivery", [second.ShopId] = "Pickup" });
        var recalculated = await client.PostAsync("/checkout", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["Recalculate"] = "true" }));
        var shown = CheckoutHtml.Totals(await recalculated.Content.ReadAsStringAsync());
        var placed = await client.PostAsync("/checkout", new FormUrlEncodedContent(fields));

        var initially = CheckoutHtml.Totals(page);
        initially[first.ShopId].Fee.ShouldBe(first.Shop.DeliveryFee.ToString());
        initially[second.ShopId].Fee.ShouldBe(second.Shop.DeliveryFee.ToString());
        initially[0].Total.ShouldBe((first.Price.Times(2) + first.Shop.DeliveryFee + second.Price + second.Shop.DeliveryFee).ToString());
        recalculated.StatusCode.ShouldBe(HttpStatusCode.OK);
        shown[first.ShopId].ShouldBe((first.Shop.DeliveryFee.ToString(), (first.Price.Times(2) + first.Shop.DeliveryFee).ToString()));
        shown[second.ShopId].ShouldBe(("$0.00", second.Price.ToString()));
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var orders = await Checkout.QueryAsync(Host, db => db.Orders.AsNoTracking().Where(o => o.IdempotencyKey == fields["IdempotencyKey"]).ToListAsync());
        orders.ToDictionary(o => o.ShopId, o => (o.DeliveryFee.ToString(), o.Total.ToString())).ShouldBe(
            new Dictionary<int, (string, string)> { [first.ShopId] = shown[first.ShopId], [second.ShopId] = shown[second.ShopId] }, ignoreOrder: true);
        Market.Core.Money.Sum(orders.Select(o => o.Total)).ToString().ShouldBe(shown[0].Total);
    }

    [Fact]
    public async Task Recalculating_KeepsEverythingTyped_AndPlacesNothing()
    {
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Tuesday, 10));
        var product = await CheckoutHtml.DeliveringProductAsync(Host);
        var cookies = new CookieContainer();
        var guest = Host.CreateClient(cookies);
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));
        var fields = CheckoutHtml.Fields(await guest.GetStringAsync("/checkout"), new Dictionary<int, string> { [product.ShopId] = "Pickup" });
        fields["Name"] = "Rosa Elena Pérez";
        fields["ReferencePoint"] = "frente a la ceiba";
        fields["Shops[0].PayWith"] = "20.00";
        fields["Recalculate"] = "true";

        var response = await guest.PostAsync("/checkout", new FormUrlEncodedContent(fields));

        var page = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CheckoutHtml.Value(page, "Name").ShouldBe("Rosa Elena Pérez");
        CheckoutHtml.Value(page, "ReferencePoint").ShouldBe("frente a la ceiba");
        CheckoutHtml.Value(page, "Shops[0].PayWith").ShouldBe("20.00");
        page.ShouldContain("value=\"Pickup\" checked=\"checked\"");
        CheckoutHtml.Totals(page)[0].Total.ShouldBe(product.Price.ToString());
        (await Checkout.QueryAsync(Host, db => db.Orders.CountAsync(o => o.IdempotencyKey == fields["IdempotencyKey"]))).ShouldBe(0);
    }

    [Fact]
    public async Task Checkout_OfASignedInResident_IsFilledWithTheAccountsNameAndPhone()
    {
        fixture.Clock.Set(SettableClock.Next(DayOfWeek.Tuesday, 10));
        var product = await CheckoutHtml.DeliveringProductAsync(Host);
        var (client, cookies) = await Host.SignInAsync("vecina@demo.sv");
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));

        var page = await client.GetStringAsync("/checkout");

        CheckoutHtml.Value(page, "Name").ShouldBe("María Hernández");
        System.Net.WebUtility.HtmlDecode(CheckoutHtml.Value(page, "Phone")).ShouldBe("+503 7000 1234");
    }

    [Fact]
    public async Task PickupOfAMarketVendor_IsOneRadioGroup_SayingTheShopsAddressAndEachMarketDaysPlaceDateAndHours()
    {
        fixture.Clock.Set(TimeProvider.System.GetUtcNow());
        var (space, day) = await MarketDays.MarketSetup.SpaceWithDayAsync(Host, daysAhead: 4);
        var vendor = await MarketDays.MarketSetup.VendorAsync(Host);
        var (shopId, product) = await MarketDays.MarketSetup.StallWithProductAsync(Host, day.Id, vendor, 9);
        var shop = await Checkout.QueryAsync(Host, db => db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId));
        var cookies = new CookieContainer();
        var guest = Host.CreateClient(cookies);
        CheckoutHtml.FillCart(Host, cookies, (product.Id, 1));

        var page = await guest.GetStringAsync("/checkout");

        var radios = System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"radio\" name=\"Shops\\[0\\]\\.Receive\" value=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        radios.ShouldBe(shop.OffersPickup ? ["Pickup", "Market-" + day.Id] : ["Market-" + day.Id]);
        page.ShouldNotContain("name=\"Shops[0].MarketDayId\"");
        page.ShouldContain($"Retiro en el mercado: {space.Name}, ");
        page.ShouldContain(", de 07:00–13:00, puesto 9 · sin envío");
        if (shop.OffersPickup)
        {
            page.ShouldContain($"Retiro en la tienda: {System.Net.WebUtility.HtmlEncode(shop.Address)}, en su horario");
        }
    }
}
