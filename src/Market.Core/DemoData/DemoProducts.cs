using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>A shop's catalog: the products of its categories that its kind of shop sells, priced a little differently by each shop.</summary>
internal static class DemoProducts
{
    /// <summary>Food made to order: no stock is counted for it.</summary>
    public const string PreparedFood = "pupusas y comida";

    public const string Drinks = "bebidas";

    public static IEnumerable<Product> For(Shop shop, ShopRow row, IEnumerable<ProductRow> products, IReadOnlyDictionary<string, Category> categories) =>
        products
            .Where(p => row.Sells.Contains(p.Category) && p.SoldBy.Contains(row.Kind))
            .Select(p =>
            {
                // The unit is part of the key: the same product is sold in more than one size.
                var key = $"{row.Name}|{p.Name}|{p.Unit}";
                return new Product
                {
                    Shop = shop,
                    Category = categories[p.Category],
                    Name = p.Name,
                    Description = ProductDescriptions.For(p),
                    Unit = p.Unit,
                    Price = Vary(p.Price, key + "|price"),
                    Stock = p.Category == PreparedFood ? null : StableHash.Between(key + "|stock", 6, 60),
                    IsLocal = p.IsLocal,
                    Sku = Sku(p),
                };
            });

    /// <summary>A readable code, unique within a shop: a shop never sells the same product twice in the same unit.</summary>
    private static string Sku(ProductRow p)
    {
        var sku = Slug.From($"{p.Name} {p.Unit}").ToUpperInvariant();
        return sku.Length <= 40 ? sku : sku[..40];
    }

    /// <summary>The file's price, up to 10 % lower or higher, rounded to 5 cents (never below 5 cents).</summary>
    private static Money Vary(Money price, string key)
    {
        var cents = price.Cents * (100 + StableHash.Between(key, -10, 10)) / 100m;
        var rounded = (long)Math.Round(cents / 5m, MidpointRounding.AwayFromZero) * 5;
        return new Money(Math.Max(5, rounded));
    }
}
