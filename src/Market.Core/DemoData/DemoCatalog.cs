using Market.Core.Catalog;
using Market.Core.Territory;

namespace Market.Core.DemoData;

/// <summary>The demo territory and catalog built in memory from the embedded CSV files; the same every time.</summary>
internal sealed record DemoCatalog(
    IReadOnlyDictionary<string, Municipality> MunicipalitiesByCode,
    IReadOnlyCollection<Category> Categories,
    IReadOnlyList<(ShopRow Row, Shop Shop)> Shops,
    IReadOnlyList<Product> Products)
{
    public static DemoCatalog Load()
    {
        var places = DemoFiles.Municipalities().ToDictionary(m => m.Code, StringComparer.Ordinal);
        var municipalities = places.Values.ToDictionary(
            m => m.Code,
            m => new Municipality { Code = m.Code, Name = m.Name, Latitude = m.Latitude, Longitude = m.Longitude },
            StringComparer.Ordinal);
        var productRows = DemoFiles.Products();
        var categories = DemoCategories.From(productRows);

        var shops = new List<(ShopRow, Shop)>();
        var products = new List<Product>();
        foreach (var row in DemoFiles.Shops())
        {
            if (!places.TryGetValue(row.MunicipalityCode, out var place))
            {
                throw new InvalidOperationException($"Demo shop '{row.Name}' is in unknown municipality '{row.MunicipalityCode}'.");
            }
            var unknown = row.Sells.Where(c => !categories.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Demo shop '{row.Name}' sells unknown categories: {string.Join(", ", unknown)}.");
            }
            var shop = DemoShops.Create(row, place, municipalities[row.MunicipalityCode]);
            shops.Add((row, shop));
            products.AddRange(DemoProducts.For(shop, row, productRows, categories));
        }
        return new DemoCatalog(municipalities, categories.Values, shops, products);
    }
}
