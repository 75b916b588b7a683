using System.Net;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.MarketDays.MarketSetup;

namespace Market.Tests.Integration.MarketDays;

/// <summary>What residents see of market days, ordering ahead for pickup at a stall, and the calendar feeds.</summary>
public abstract class MarketResidentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task Mercados_ListsUpcomingDaysWithTheirVendors_ByMunicipality_AndNearestFirst()
    {
        var (ssSpace, ssDay) = await SpaceWithDayAsync(Host, "SS", daysAhead: 3);
        var (stSpace, _) = await SpaceWithDayAsync(Host, "ST", daysAhead: 2);
        var vendor = await VendorAsync(Host);
        var (shopId, _) = await StallWithProductAsync(Host, ssDay.Id, vendor, 4);
        var vendorName = await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Id == shopId).Select(s => s.Name).SingleAsync());
        var client = Host.CreateClient();

        var sanSalvador = await client.GetStringAsync("/mercados?municipio=SS");
        var nearSantaTecla = await client.GetStringAsync($"/mercados?lat={stSpace.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lng={stSpace.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var dayPage = await client.GetStringAsync($"/mercados/{ssDay.Id}");

        sanSalvador.ShouldContain(ssSpace.Name);
        sanSalvador.ShouldContain("07:00–13:00");
        sanSalvador.ShouldContain("Vendedores: " + vendorName);
        sanSalvador.ShouldNotContain(stSpace.Name);
        nearSantaTecla.IndexOf(stSpace.Name, StringComparison.Ordinal).ShouldBeLessThan(nearSantaTecla.IndexOf(ssSpace.Name, StringComparison.Ordinal));
        nearSantaTecla.ShouldContain("a 0.0 km");
        dayPage.ShouldContain(vendorName);
        dayPage.ShouldContain("puesto 4");
        dayPage.ShouldContain("Güisquil de " + vendorName);
    }

    [Fact]
    public async Task ResidentOrdersAheadForPickupAtTheStall_AndTheOrderGoesThroughTheFulfilmentQueue()
    {
        var (_, day) = await SpaceWithDayAsync(Host, daysAhead: 4);
        var vendor = await VendorAsync(Host);
        var (shopId, product) = await StallWithProductAsync(Host, day.Id, vendor, 7);
        var resident = Host.CreateClient(new CookieContainer(), followRedirects: false);
        await AddToCartAsync(resident, day.Id, product.Id);

        var checkout = await resident.GetStringAsync("/checkout");
        checkout.ShouldContain("Retiro en el mercado: ");
        checkout.ShouldContain("puesto 7");
        var placed = await resident.PostAsync("/checkout", new FormUrlEncodedContent(CheckoutFields(checkout, shopId, day.Id)));

        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var order = await Checkout.QueryAsync(Host, db => db.Orders.AsNoTracking().SingleAsync(o => o.ShopId == shopId));
        order.MarketDayId.ShouldBe(day.Id);
        order.Fulfilment.ShouldBe(Fulfilment.Pickup);
        (await resident.GetStringAsync($"/pedidos/{order.Code}")).ShouldContain(", puesto 7");
        (await Eventually.Until(() => Checkout.QueryAsync(Host, db => db.FulfilmentHandlings.CountAsync(h => h.OrderId == order.Id)), n => n > 0)).ShouldBe(1);
    }

    [Fact]
    public async Task OrderForAMarketDayWhereTheVendorHasNoStall_IsRefused_AndNothingIsStored()
    {
        var (_, day) = await SpaceWithDayAsync(Host, daysAhead: 5);
        var (_, otherDay) = await SpaceWithDayAsync(Host, daysAhead: 6);
        var vendor = await VendorAsync(Host);
        var (shopId, product) = await StallWithProductAsync(Host, day.Id, vendor, 1);
        var resident = Host.CreateClient(new CookieContainer(), followRedirects: false);
        await AddToCartAsync(resident, day.Id, product.Id);
        var checkout = await resident.GetStringAsync("/checkout");

        var refused = await resident.PostAsync("/checkout", new FormUrlEncodedContent(CheckoutFields(checkout, shopId, otherDay.Id)));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Ese vendedor ya no tiene puesto en esa jornada");
        (await Checkout.QueryAsync(Host, db => db.Orders.AnyAsync(o => o.ShopId == shopId))).ShouldBeFalse();
        (await Checkout.QueryAsync(Host, db => db.Products.SingleAsync(p => p.Id == product.Id))).Stock.ShouldBe(40);
    }

    [Fact]
    public async Task SpaceFeed_WritesAWeeklySeriesAsItsRule_WithTheCancelledAndMovedDaysAsExceptions()
    {
        var (space, _) = await SpaceWithDayAsync(Host, "AC", daysAhead: 200);
        var first = ElSalvadorTime.Today(TimeProvider.System).AddDays(1);
        var schedule = SeriesSchedule.Weekly([DayOfWeek.Saturday], first, first.AddDays(27), new TimeOnly(7, 0), new TimeOnly(13, 0));
        var days = await Checkout.QueryAsync(Host, async db =>
        {
            var series = MarketSeries.Create(space, schedule, DateTimeOffset.UtcNow);
            db.MarketSeries.Add(series);
            await db.SaveChangesAsync();
            series.Days[1].Cancel("Lluvia");
            series.Days[2].Move(series.Days[2].Date.AddDays(1), new TimeOnly(8, 0), new TimeOnly(12, 0), "Desfile");
            await db.SaveChangesAsync();
            return series.Days.OrderBy(d => d.Id).ToList();
        });

        var calendar = Calendar.Load(await Host.CreateClient().GetStringAsync($"/mercados/espacios/{space.Id}.ics"))!;

        var master = calendar.Events.Single(e => e.RecurrenceRule is not null);
        master.RecurrenceRule!.Frequency.ShouldBe(FrequencyType.Weekly);
        master.DtStart!.TzId.ShouldBe("America/El_Salvador");
        master.DtStart.AsUtc.ShouldBe(days[0].StartsAt.UtcDateTime);
        var overrides = calendar.Events.Where(e => e.RecurrenceIdentifier is not null).OrderBy(e => e.RecurrenceIdentifier!.StartTime).ToList();
        overrides.Select(e => e.Uid).ShouldAllBe(uid => uid == master.Uid);
        overrides[0].RecurrenceIdentifier!.StartTime.AsUtc.ShouldBe(days[1].StartsAt.UtcDateTime);
        overrides[0].Status.ShouldBe(EventStatus.Cancelled);
        overrides[1].RecurrenceIdentifier!.StartTime.Date.ShouldBe(days[2].MovedFrom!.Value);
        overrides[1].DtStart!.AsUtc.ShouldBe(days[2].StartsAt.UtcDateTime);
        overrides[1].DtStart!.Hour.ShouldBe(8);
        var held = calendar.GetOccurrences(new CalDateTime(first, null, "America/El_Salvador"))
            .Where(o => ((CalendarEvent)o.Source).Status != EventStatus.Cancelled)
            .Select(o => o.Period.StartTime.AsUtc).Where(t => t < first.AddDays(60).ToDateTime(TimeOnly.MinValue)).ToList();
        held.ShouldBe([.. days.Where(d => d.Status == MarketDayStatus.Scheduled).Select(d => d.StartsAt.UtcDateTime).Order()],
            ignoreOrder: false);
    }

    [Fact]
    public async Task CalendarFeeds_ParseBack_WithElSalvadorTimes_AndCancelledDaysMarked()
    {
        var (space, day) = await SpaceWithDayAsync(Host, "SO", daysAhead: 9);
        var (_, cancelled) = await SpaceWithDayAsync(Host, "SO", daysAhead: 10);
        await Checkout.QueryAsync(Host, async db =>
        {
            var d = await db.MarketDays.SingleAsync(x => x.Id == cancelled.Id);
            d.Cancel("Lluvia");
            return await db.SaveChangesAsync();
        });
        var client = Host.CreateClient();

        var municipalityFeed = await client.GetAsync("/mercados/calendario/SO.ics");
        var spaceFeed = Calendar.Load(await client.GetStringAsync($"/mercados/espacios/{space.Id}.ics"))!;

        municipalityFeed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Calendar.Load(await municipalityFeed.Content.ReadAsStringAsync())!;
        var held = calendar.Events.Single(e => e.Uid!.StartsWith($"mercado-{day.Id}@", StringComparison.Ordinal));
        held.DtStart!.TzId.ShouldBe("America/El_Salvador");
        held.DtStart.Hour.ShouldBe(7);
        held.DtStart.AsUtc.ShouldBe(day.StartsAt.UtcDateTime);
        held.DtEnd!.AsUtc.ShouldBe(day.EndsAt.UtcDateTime);
        held.Summary.ShouldBe("Mercado en " + space.Name);
        held.Status.ShouldBe(EventStatus.Confirmed);
        calendar.TimeZones.Single().TzId.ShouldBe("America/El_Salvador");
        var off = calendar.Events.Single(e => e.Uid!.StartsWith($"mercado-{cancelled.Id}@", StringComparison.Ordinal));
        off.Status.ShouldBe(EventStatus.Cancelled);
        off.Description.ShouldBe("Lluvia");
        spaceFeed.Events.Select(e => e.Uid).ShouldBe([held.Uid]);
        (await client.GetAsync("/mercados/calendario/XX.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteMarketResidentTests(SqliteSpine fixture) : MarketResidentTests<SqliteSpine>(fixture);

public sealed class PostgresMarketResidentTests(PostgresSpine fixture) : MarketResidentTests<PostgresSpine>(fixture);
