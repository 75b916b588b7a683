using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Nearby;
using Market.Tests.E2e.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Nearby;

public sealed class NearMeJourneyTests(ClockedMarket market, ITestOutputHelper output) : IClassFixture<ClockedMarket>
{
    // Doña Rosa sells at market days (her stall's hours: Saturday and Sunday 7:00–14:00).
    private static readonly DateTimeOffset SaturdayMorning = new(2026, 12, 5, 10, 30, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 12, 2, 10, 30, 0, TimeSpan.FromHours(-6));

    [Fact]
    public async Task Resident_in_Soyapango_sees_the_nearest_shops_first_finds_pina_and_keeps_only_what_is_open_now()
    {
        var shots = new Screenshots(output, nameof(Resident_in_Soyapango_sees_the_nearest_shops_first_finds_pina_and_keeps_only_what_is_open_now));
        var (here, shops) = await DemoAsync("Centro de Soyapango");
        market.Clock.Set(SaturdayMorning);
        var nearest = shops.Select(s => (s.Name, Km: Haversine(s.Latitude, s.Longitude, here)))
            .Where(s => s.Km <= 5).OrderBy(s => s.Km).ToList();

        await using var phone = await market.NewPhoneAsync();
        var nearby = new NearbyPage(await phone.NewPageAsync());
        await nearby.SetLocationAsync("Centro de Soyapango", remember: true);
        await shots.TakeAsync(nearby.Page, "shops-near-soyapango");

        var listed = await nearby.ShopsWithDistanceAsync();
        listed.Select(s => s.Name).ShouldBe(nearest.Select(s => s.Name));
        listed.Select(s => s.Km).ShouldBe(listed.Select(s => s.Km).Order().ToList(), "nearest first");
        foreach (var (row, actual) in listed.Zip(nearest))
        {
            row.Km.ShouldBe(actual.Km, tolerance: 0.051, $"{row.Name}: the distance shown");
        }
        await Expect(nearby.Shops.Filter(new() { HasText = "Solo retiro" }).First).ToBeVisibleAsync();

        var search = new SearchPage(nearby.Page);
        await search.SearchAsync("pina");
        await Expect(search.Result("Piña").First).ToBeVisibleAsync();
        await Expect(search.Result("Piña").First).ToContainTextAsync("a ");
        await shots.TakeAsync(nearby.Page, "search-pina");

        await search.OnlyOpenNowAsync();
        await shots.TakeAsync(nearby.Page, "search-pina-open-now");
        await Expect(search.Results).ToHaveCountAsync(1);
        await Expect(search.Result("Piña")).ToContainTextAsync("Verduras Frescas Doña Rosa");
        await Expect(search.Result("Piña")).ToContainTextAsync("Abierto ahora");

        // On a weekday morning her stall is closed: nothing open, and the page says what else to do. (Another address:
        // the page of a minute ago may be kept for a few seconds.)
        market.Clock.Set(WednesdayMorning);
        await nearby.Page.GotoAsync(nearby.Page.Url + "&pagina=1");
        await Expect(search.Results).ToHaveCountAsync(0);
        await Expect(nearby.Page.GetByText("No encontramos «pina» con esos filtros.")).ToBeVisibleAsync();
        await Expect(nearby.Page.GetByRole(AriaRole.Link, new() { Name = "Quitar los filtros" })).ToBeVisibleAsync();
    }

    /// <summary>The distance as the crow flies, worked out here rather than by the app's own code.</summary>
    private static double Haversine(double latitude, double longitude, GeoPoint to)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(to.Latitude - latitude) / 2), 2)
            + Math.Cos(Radians(latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Pow(Math.Sin(Radians(to.Longitude - longitude) / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(a));
    }

    private async Task<(GeoPoint Here, List<Shop> Shops)> DemoAsync(string neighbourhood)
    {
        await using var scope = market.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var place = await db.Neighbourhoods.SingleAsync(n => n.Name == neighbourhood);
        return (new GeoPoint(place.Latitude, place.Longitude), await db.Shops.AsNoTracking().Where(s => s.Status == ShopStatus.Active).ToListAsync());
    }
}
