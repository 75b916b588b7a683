namespace Market.Core.Catalog.Csv;

/// <summary>One product as a line of the catalog CSV.</summary>
public sealed record CatalogLine(
    string? Sku,
    string Name,
    string? Description,
    Category Category,
    string Unit,
    Money Price,
    int? Stock,
    bool IsActive,
    bool IsLocal)
{
    public static CatalogLine From(Product p) =>
        new(p.Sku, p.Name, p.Description, p.Category, p.Unit, p.Price, p.Stock, p.IsActive, p.IsLocal);

    /// <summary>Copies the line onto the product; false when the product already had these values.</summary>
    public bool ApplyTo(Product product)
    {
        var changed = product.Sku != Sku || product.Name != Name || product.Description != Description
            || product.CategoryId != Category.Id || product.Unit != Unit || product.Price != Price
            || product.Stock != Stock || product.IsActive != IsActive || product.IsLocal != IsLocal;
        product.Sku = Sku;
        product.Name = Name;
        product.Description = Description;
        product.CategoryId = Category.Id;
        product.Unit = Unit;
        product.Price = Price;
        product.Stock = Stock;
        product.IsActive = IsActive;
        product.IsLocal = IsLocal;
        return changed;
    }
}
