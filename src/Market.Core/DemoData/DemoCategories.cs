using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>The categories are the distinct "categoria" values of productos-demo.csv, in file order.</summary>
internal static class DemoCategories
{
    public static Dictionary<string, Category> From(IEnumerable<ProductRow> products) =>
        products
            .Select(p => p.Category)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, c => new Category { Name = Slug.Capitalize(c), Slug = Slug.From(c) }, StringComparer.Ordinal);
}
