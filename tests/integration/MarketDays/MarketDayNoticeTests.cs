using System.Net;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.MarketDays.MarketSetup;

namespace Market.Tests.Integration.MarketDays;

/// <summary>Cancelling or moving a market day reaches vendors with stalls and residents with pickup orders live, over SignalR.</summary>
public abstract class MarketDayNoticeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task CancellingAMarketDay_TellsConnectedVendorsAndResidentsLive_AndTheShopSeesTheAffectedOrder()
    {
        var (_, day) = await SpaceWithDayAsync(Host, daysAhead: 6);
        var seller = await VendorAsync(Host);
        var (shopId, product) = await StallWithProductAsync(Host, day.Id, seller, 2);
        // A vendor with a stall but no orders is told too.
        var quietVendor = await VendorAsync(Host);
        await StallWithProductAsync(Host, day.Id, quietVendor, 3);
        var code = await PlaceMarketOrderAsync(day.Id, shopId, product.Id);
        var (sellerClient, sellerCookies) = await Host.SignInAsync(seller);
        var (_, quietCookies) = await Host.SignInAsync(quietVendor);
        await using var sellerLive = await LiveClient.ConnectAsync(Host, sellerCookies);
        await sellerLive.FollowShopAsync();
        await using var quietLive = await LiveClient.ConnectAsync(Host, quietCookies);
        await quietLive.FollowShopAsync();
        await using var residentLive = await LiveClient.ConnectAsync(Host);
        (await residentLive.FollowOrderAsync(code)).Select(u => u.Status).ShouldBe([OrderStatus.Placed]);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);

        var cancelled = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/cancelar", new Dictionary<string, string> { ["reason"] = "Lluvia fuerte" });

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var toResident = await residentLive.WaitForAsync(u => u.Code == code && u.Action == OrderAction.MarketDayCancelled);
        toResident.Status.ShouldBe(OrderStatus.Placed);
        toResident.Reason.ShouldBe("Lluvia fuerte");
        toResident.Sequence.ShouldBe(2);
        (await sellerLive.WaitForAsync(u => u.Code == code && u.Action == OrderAction.MarketDayCancelled)).ShopId.ShouldBe(shopId);
        foreach (var vendor in new[] { sellerLive, quietLive })
        {
            var notice = await vendor.WaitForNoticeAsync(day.Id);
            notice.Status.ShouldBe(MarketDayStatus.Cancelled);
            notice.Reason.ShouldBe("Lluvia fuerte");
            notice.Date.ShouldBe(day.Date);
        }
        (await sellerClient.GetStringAsync("/tienda/pedidos")).ShouldContain("Mercado cancelado: Lluvia fuerte");
        (await Host.CreateClient().GetStringAsync($"/pedidos/{code}")).ShouldContain("Mercado cancelado");
        var order = await Checkout.QueryAsync(Host, db => db.Orders.AsNoTracking().SingleAsync(o => o.Code == code));
        order.Status.ShouldBe(OrderStatus.Placed);
        order.Version.ShouldBe(2);
    }

    [Fact]
    public async Task MovingAMarketDay_TellsTheResidentWithAnOrder()
    {
        var (_, day) = await SpaceWithDayAsync(Host, daysAhead: 8);
        var (shopId, product) = await StallWithProductAsync(Host, day.Id, await VendorAsync(Host), 1);
        var code = await PlaceMarketOrderAsync(day.Id, shopId, product.Id);
        await using var residentLive = await LiveClient.ConnectAsync(Host);
        await residentLive.FollowOrderAsync(code);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);

        var moved = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/mover", new Dictionary<string, string>
        {
            ["Date"] = day.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Opens"] = "08:00",
            ["Closes"] = "12:00",
            ["Reason"] = "Desfile en la plaza",
        });

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var update = await residentLive.WaitForAsync(u => u.Code == code && u.Action == OrderAction.MarketDayMoved);
        update.Reason.ShouldBe("Desfile en la plaza");
        (await Checkout.QueryAsync(Host, db => db.MarketDays.SingleAsync(d => d.Id == day.Id))).Opens.ShouldBe(new TimeOnly(8, 0));
    }

    private async Task<string> PlaceMarketOrderAsync(int dayId, int shopId, int productId)
    {
        var resident = Host.CreateClient(new CookieContainer(), followRedirects: false);
        await AddToCartAsync(resident, dayId, productId);
        var placed = await resident.PostAsync("/checkout", new FormUrlEncodedContent(CheckoutFields(await resident.GetStringAsync("/checkout"), shopId, dayId)));
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await Checkout.QueryAsync(Host, db => db.Orders.Where(o => o.ShopId == shopId).Select(o => o.Code).SingleAsync());
    }
}

public sealed class SqliteMarketDayNoticeTests(SqliteSpine fixture) : MarketDayNoticeTests<SqliteSpine>(fixture);

public sealed class PostgresMarketDayNoticeTests(PostgresSpine fixture) : MarketDayNoticeTests<PostgresSpine>(fixture);
