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

public sealed class NearMeJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    [Fact]
    public async Task Resident_in_Soyapango_sees_the_nearest_shops_first_finds_pina_and_keeps_only_what_is_open_now()
    {
        var shots = new Screenshots(output, nameof(Resident_in_Soyapango_sees_the_nearest_shops_first_finds_pina_and_keeps_only_what_is_open_now));
        var (here, shops) = await DemoAsync("Centro de Soyapango");
        var nearest = shops.Select(s => (s.Name, Km: new GeoPoint(s.Latitude, s.Longitude).DistanceKm(here)))
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
        var found = await search.ProductIdsAsync();

        await search.OnlyOpenNowAsync();
        await shots.TakeAsync(nearby.Page, "search-pina-open-now");
        var openNow = await OpenAmongAsync(found);
        var shown = await search.ProductIdsAsync();
        shown.ShouldBe(openNow);
        if (openNow.Count == 0)
        {
            // Night in El Salvador: nothing open, and the page says what else to do.
            await Expect(nearby.Page.GetByText("No encontramos «pina» con esos filtros.")).ToBeVisibleAsync();
            await Expect(nearby.Page.GetByRole(AriaRole.Link, new() { Name = "Quitar los filtros" })).ToBeVisibleAsync();
        }
        else
        {
            await Expect(search.Results.Filter(new() { HasNotText = "Abierto ahora" })).ToHaveCountAsync(0);
        }
    }

    private async Task<(GeoPoint Here, List<Shop> Shops)> DemoAsync(string neighbourhood)
    {
        await using var scope = market.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var place = await db.Neighbourhoods.SingleAsync(n => n.Name == neighbourhood);
        return (new GeoPoint(place.Latitude, place.Longitude), await db.Shops.AsNoTracking().Where(s => s.Status == ShopStatus.Active).ToListAsync());
    }

    /// <summary>Of these products, in the order given, those whose shop is open at this moment by its hours.</summary>
    private async Task<List<int>> OpenAmongAsync(IReadOnlyList<int> products)
    {
        await using var scope = market.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var shops = await db.Products.AsNoTracking().Where(p => products.Contains(p.Id)).Include(p => p.Shop).ThenInclude(s => s.Hours)
            .ToDictionaryAsync(p => p.Id, p => p.Shop);
        var now = DateTimeOffset.UtcNow;
        return [.. products.Where(id => shops[id].IsOpenAt(now))];
    }
}
