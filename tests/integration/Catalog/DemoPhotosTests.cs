using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Market.Tests.Integration.Catalog;

/// <summary>The demo data seeded with its photos, as `./market run` seeds it.</summary>
public sealed class DemoPhotosHost : IAsyncLifetime
{
    private RedisServer redis = null!;

    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?> { ["Seed:DemoPhotos"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await redis.DisposeAsync();
    }
}

/// <summary>A first look at the demo is a market: each product has its own picture in its category's colour, each shop a logo.</summary>
public sealed class DemoPhotosTests(DemoPhotosHost fixture) : IClassFixture<DemoPhotosHost>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task EveryDemoProduct_HasAPictureOfItsOwn_SharedOnlyWithTheSameProductOfAnotherShop()
    {
        var photos = await Checkout.QueryAsync(Host, db => db.Products.AsNoTracking()
            .Select(p => new { p.Name, Category = p.Category.Name, Hashes = p.Photos.Select(ph => ph.Hash).ToList() }).ToListAsync());

        photos.ShouldAllBe(p => p.Hashes.Count == 1);
        var kinds = photos.Select(p => (p.Name, p.Category)).Distinct().Count();
        photos.Select(p => p.Hashes[0]).Distinct().Count().ShouldBe(kinds);
        kinds.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("Frutas y verduras", Channel.Green)]
    [InlineData("Lácteos", Channel.Blue)]
    [InlineData("Carnes y embutidos", Channel.Red)]
    public async Task DemoPictures_AreAFlatCategoryColourWithASymbolInTheMiddle_NotAPattern(string category, Channel dominant)
    {
        var hashes = await Checkout.QueryAsync(Host, db => db.ProductPhotos.Where(ph => db.Products.Any(p => p.Id == ph.ProductId && p.Category.Name == category))
            .Select(ph => ph.Hash).Distinct().OrderBy(h => h).Take(2).ToListAsync());
        hashes.Count.ShouldBe(2);

        using var first = await LargeAsync(hashes[0]);
        using var second = await LargeAsync(hashes[1]);

        (first.Width, first.Height).ShouldBe((1200, 900));
        var background = first.GetPixel(20, 20);
        // The whole top band is the one background colour (the old demo pictures were stripes and checkerboards).
        for (var x = 20; x < 1200; x += 60)
        {
            Near(first.GetPixel(x, 30), background).ShouldBeTrue($"pixel ({x}, 30) is {first.GetPixel(x, 30)}, the background {background}");
        }
        Near(second.GetPixel(20, 20), background).ShouldBeTrue("two products of one category share its colour");
        Dominant(background).ShouldBe(dominant);
        Near(first.GetPixel(600, 330), background).ShouldBeFalse("the category's symbol is drawn in the middle");
    }

    [Fact]
    public async Task EveryDemoShop_HasALogo_ShownInTheShopList()
    {
        var logos = await Checkout.QueryAsync(Host, db => db.Shops.Select(s => s.LogoHash).ToListAsync());
        var list = await Host.CreateClient().GetStringAsync("/tiendas");

        logos.ShouldAllBe(l => l != null);
        logos.Distinct().Count().ShouldBe(logos.Count);
        var cards = list.Split("<li class=\"card shop").Skip(1).ToList();
        cards.ShouldNotBeEmpty();
        cards.ShouldAllBe(card => card.StartsWith(" with-logo\">", StringComparison.Ordinal) && card.Contains("<img class=\"logo\" src=\"/media/"));
    }

    public enum Channel
    {
        Red,
        Green,
        Blue,
    }

    private async Task<SKBitmap> LargeAsync(string hash)
    {
        var jpeg = await Host.CreateClient().GetByteArrayAsync($"/media/{hash}-1200.jpg");
        return SKBitmap.Decode(jpeg);
    }

    /// <summary>JPEG moves colours a little; a different colour moves them a lot.</summary>
    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 24;

    private static Channel Dominant(SKColor c) =>
        c.Green > c.Red && c.Green > c.Blue ? Channel.Green : c.Blue > c.Red ? Channel.Blue : Channel.Red;
}
