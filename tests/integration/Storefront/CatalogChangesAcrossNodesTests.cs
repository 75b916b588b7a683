using Market.Core;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Storefront;

/// <summary>
/// Two web nodes on one database and one Redis, each keeping storefront pages for two minutes: a change saved
/// through one node reaches the other's anonymous residents at once, not when its period ends.
/// </summary>
public sealed class CatalogChangesAcrossNodesTests : IAsyncLifetime
{
    private TwoNodes nodes = null!;

    public async Task InitializeAsync() => nodes = await TwoNodes.StartAsync(new Dictionary<string, string?> { ["StorefrontCache:Duration"] = "00:02:00" });

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task PriceSavedOnNodeA_ShowsOnNodeB_WellBeforeItsPeriodEnds()
    {
        var colonia = await Checkout.QueryAsync(nodes.A, db => db.Neighbourhoods.Where(n => n.Name == "Centro de Santa Tecla").Select(n => n.Id).SingleAsync());
        var url = $"/?colonia={colonia}";
        var before = await nodes.B.CreateClient().GetStringAsync(url);
        var productId = StorefrontHtml.FirstProductId(before);
        var newPrice = await Checkout.QueryAsync(nodes.A, db => db.Products.Where(p => p.Id == productId).Select(p => p.Price).SingleAsync()) + Money.FromDollars(0.53m);

        await Checkout.QueryAsync(nodes.A, async db =>
        {
            (await db.Products.SingleAsync(p => p.Id == productId)).Price = newPrice;
            return await db.SaveChangesAsync();
        });
        var after = await Eventually.Until(() => nodes.B.CreateClient().GetStringAsync(url), page => StorefrontHtml.PriceOf(page, productId) == newPrice.ToString(), seconds: 15);

        StorefrontHtml.PriceOf(before, productId).ShouldNotBe(newPrice.ToString());
        StorefrontHtml.PriceOf(after, productId).ShouldBe(newPrice.ToString());
    }
}
