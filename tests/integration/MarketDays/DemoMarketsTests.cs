using Market.Core;
using Market.Core.MarketDays;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.MarketDays;

/// <summary>A first run shows living markets: spaces, streets, market days in the coming weeks, vendors with stalls and products.</summary>
public sealed class DemoMarketsTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task DemoData_HasSpacesInSeveralMunicipalities_WithMarketDaysSoon_AndVendorsWithStallsAndProducts()
    {
        var today = ElSalvadorTime.Today(TimeProvider.System);
        var spaces = await Checkout.QueryAsync(Host, db => db.PublicSpaces.AsNoTracking().Where(s => !s.Name.StartsWith("Plaza de prueba")).ToListAsync());
        var soon = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking()
            .Where(d => d.Date > today && d.Date <= today.AddDays(28) && d.SeriesId != null).ToListAsync());
        var stalls = await Checkout.QueryAsync(Host, db => db.StallApplications.AsNoTracking()
            .Where(a => a.Status == StallApplicationStatus.Approved && a.MarketDay.Date <= today.AddDays(28))
            .Select(a => new { a.MarketDay.PublicSpaceId, a.ShopId, Products = db.Products.Count(p => p.ShopId == a.ShopId && p.IsActive) })
            .ToListAsync());

        spaces.Count.ShouldBeGreaterThanOrEqualTo(6);
        spaces.Select(s => s.MunicipalityId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        spaces.Count(s => s.Kind == PublicSpaceKind.Calle && s.StreetUse != null && s.StreetOpens != null).ShouldBeGreaterThanOrEqualTo(2);
        soon.Select(d => d.PublicSpaceId).Distinct().Count().ShouldBe(spaces.Count);
        stalls.Select(s => s.PublicSpaceId).Distinct().Count().ShouldBe(spaces.Count);
        stalls.ShouldAllBe(s => s.Products > 0);
        (await Host.CreateClient().GetStringAsync("/mercados")).ShouldContain("Frutas y Verduras Don Chepe");
    }

    [Fact]
    public async Task DemoMarketDays_ObeyTheTemporarinessRules()
    {
        var spaces = await Checkout.QueryAsync(Host, db => db.PublicSpaces.AsNoTracking().ToListAsync());
        var days = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().Where(d => d.Status == MarketDayStatus.Scheduled).ToListAsync());

        foreach (var space in spaces)
        {
            var own = days.Where(d => d.PublicSpaceId == space.Id).Select(d => d.Plan).ToList();
            TemporarinessRules.Check(space, MarketLimits.Default(space.MunicipalityId), [], own).ShouldBeEmpty(space.Name);
        }
    }
}
