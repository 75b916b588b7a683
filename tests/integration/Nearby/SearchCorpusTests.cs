using Market.Core;
using Market.Core.Catalog;
using Market.Core.Nearby;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Nearby;
using Market.Web.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Nearby;

/// <summary>
/// The same corpus (the demo catalog plus a few products written for ranking) searched on SQLite (FTS5) and on
/// PostgreSQL (tsvector + unaccent): the same products come first, in the same order, on both.
/// </summary>
public sealed class SearchCorpusTests(SqliteSpine sqlite, PostgresSpine postgres) : IClassFixture<SqliteSpine>, IClassFixture<PostgresSpine>
{
    private static readonly ResidentLocation Soyapango = new(new GeoPoint(13.7347, -89.1389), "Centro de Soyapango, Soyapango", null, true);

    /// <param name="expected">What a resident sees in the first ten results: "name:X" the first is named with X; "category:X"
    /// and "shop:X" every one is of that category or shop.</param>
    [Theory]
    [InlineData("pina", "name:Piña")]
    [InlineData("PIÑAS", "name:Piña")]
    [InlineData("cafe", "name:Café")]
    [InlineData("tortilla", "name:Tortillas")]
    [InlineData("frijoles", "name:Frijol")]
    [InlineData("Lacteos", "category:Lácteos")]
    [InlineData("doña tere", "shop:Tienda Doña Tere")]
    [InlineData("semilla de maranon", "name:semilla de marañón")]
    public async Task Search_FindsWhatWasAskedFor_TheSameOnSqliteAndPostgres(string typed, string expected)
    {
        await SeedCorpusAsync(sqlite.Host);
        await SeedCorpusAsync(postgres.Host);

        var onSqlite = await SearchAsync(sqlite.Host, typed, Soyapango, size: 10);
        var onPostgres = await SearchAsync(postgres.Host, typed, Soyapango, size: 10);

        onSqlite.ShouldNotBeEmpty();
        var (field, value) = (expected.Split(':')[0], expected.Split(':')[1]);
        switch (field)
        {
            case "name":
                onSqlite[0].Name.ShouldContain(value);
                break;
            case "category":
                onSqlite.ShouldAllBe(c => c.Category == value);
                break;
            default:
                onSqlite.ShouldAllBe(c => c.ShopName == value);
                break;
        }
        onPostgres.Select(c => $"{c.Name} · {c.ShopName}").ShouldBe(onSqlite.Select(c => $"{c.Name} · {c.ShopName}"));
    }

    [Fact]
    public async Task Search_RanksNameMatchesFirst_ThenCategory_ThenShopAndDescription_AndByDistanceInsideATier()
    {
        await SeedCorpusAsync(sqlite.Host);
        await SeedCorpusAsync(postgres.Host);

        foreach (var host in new[] { sqlite.Host, postgres.Host })
        {
            var results = await SearchAsync(host, "pina", Soyapango, size: BrowseProductsHandler.PageSize);
            var tiers = results.Select(r => r.Name.Contains("Piña", StringComparison.Ordinal) ? 0 : r.Category.Contains("Piñata", StringComparison.Ordinal) ? 1 : 2).ToList();
            tiers.ShouldBe(tiers.Order().ToList(), "named Piña first, then in a Piñata category, then only mentioned");
            tiers.Distinct().Order().ShouldBe([0, 1, 2]);
            results.ShouldContain(r => r.Name == "Globo de corpus", "its category is Piñatas");
            results.ShouldContain(r => r.Name == "Quesadilla de corpus", "the description mentions piña");
            var named = results.Where(r => r.Name == "Piña").Select(r => r.Near!.DistanceKm!.Value).ToList();
            named.ShouldBe(named.Order().ToList(), "nearest shop first among equally relevant products");
        }
    }

    [Fact]
    public async Task Index_FollowsRenamesAndDeletes_OfProductsAndShops()
    {
        foreach (var host in new[] { sqlite.Host, postgres.Host })
        {
            var shopId = await Checkout.QueryAsync(host, async db =>
            {
                var shop = await db.Shops.FirstAsync(s => s.Status == ShopStatus.Active);
                var product = new Product
                {
                    ShopId = shop.Id,
                    CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
                    Name = "Zapote maduro",
                    Unit = "unidad",
                    Price = Money.FromDollars(0.75m),
                };
                db.Products.Add(product);
                await db.SaveChangesAsync();
                return shop.Id;
            });
            (await NamesAsync(host, "zapotes")).ShouldContain("Zapote maduro");

            await Checkout.QueryAsync(host, db => db.Products.Where(p => p.Name == "Zapote maduro")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Níspero maduro")));
            (await NamesAsync(host, "zapote")).ShouldNotContain("Níspero maduro");
            (await NamesAsync(host, "nispero")).ShouldContain("Níspero maduro");

            var oldName = await Checkout.QueryAsync(host, db => db.Shops.Where(s => s.Id == shopId).Select(s => s.Name).SingleAsync());
            await Checkout.QueryAsync(host, db => db.Shops.Where(s => s.Id == shopId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Abarrotería Quetzaltepeque")));
            (await NamesAsync(host, "quetzaltepeque")).ShouldContain("Níspero maduro");
            await Checkout.QueryAsync(host, db => db.Shops.Where(s => s.Id == shopId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, oldName)));
            (await NamesAsync(host, "quetzaltepeque")).ShouldBeEmpty();

            await Checkout.QueryAsync(host, db => db.Products.Where(p => p.Name == "Níspero maduro").ExecuteDeleteAsync());
            (await NamesAsync(host, "nispero")).ShouldBeEmpty();
        }
    }

    private static async Task<List<string>> NamesAsync(MarketHost host, string typed) =>
        [.. (await SearchAsync(host, typed, null, size: 50)).Select(c => c.Name)];

    private static async Task<IReadOnlyList<ProductCard>> SearchAsync(MarketHost host, string typed, ResidentLocation? at, int size)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<BrowseProductsHandler>();
        var results = await handler.HandleAsync(new BrowseProducts(typed, null, null, false, false, false, false, null, null, 25, 1, at), default);
        return [.. results.Products.Take(size)];
    }

    /// <summary>Products that only mention a word in their description, or hold it in their category's name.</summary>
    private static Task<int> SeedCorpusAsync(MarketHost host) => Checkout.QueryAsync(host, async db =>
    {
        if (await db.Products.AnyAsync(p => p.Name == "Quesadilla de corpus"))
        {
            return 0;
        }
        var shop = await db.Shops.Where(s => s.Status == ShopStatus.Active).OrderBy(s => s.Id).FirstAsync();
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var pinatas = new Category { Name = "Piñatas de corpus", Slug = "pinatas-de-corpus" };
        db.Products.AddRange(
            new Product { ShopId = shop.Id, Category = pinatas, Name = "Globo de corpus", Unit = "unidad", Price = Money.FromDollars(0.50m) },
            new Product { ShopId = shop.Id, CategoryId = category.Id, Name = "Quesadilla de corpus", Description = "Con trocitos de piña y queso duro", Unit = "porción", Price = Money.FromDollars(1.50m) },
            new Product { ShopId = shop.Id, CategoryId = category.Id, Name = "Semilla de marañón tostada", Description = "Bolsita", Unit = "bolsa", Price = Money.FromDollars(2.00m) });
        return await db.SaveChangesAsync();
    });
}
