namespace Market.Core.Catalog;

/// <summary>What a shopkeeper types for a product, checked before anything is stored.</summary>
public sealed record ProductInput(
    string? Name,
    string? Description,
    int CategoryId,
    string? Unit,
    string? Price,
    bool TracksStock,
    int? Stock,
    bool IsActive,
    bool IsLocal,
    string? Sku)
{
    public const int MaxStock = 1_000_000;

    /// <summary>Field name and message key of every rule broken; empty when the product may be saved.</summary>
    public IReadOnlyList<(string Field, string MessageKey)> Problems(out Money price)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 160)
        {
            problems.Add((nameof(Name), "Product.NameRequired"));
        }
        if (Description?.Length > 2000)
        {
            problems.Add((nameof(Description), "Product.DescriptionTooLong"));
        }
        if (string.IsNullOrWhiteSpace(Unit) || Unit.Trim().Length > 30)
        {
            problems.Add((nameof(Unit), "Product.UnitRequired"));
        }
        if (!Money.TryParse(Price, out price) || price <= Money.Zero)
        {
            problems.Add((nameof(Price), "Product.PriceInvalid"));
        }
        if (TracksStock && Stock is not (>= 0 and <= MaxStock))
        {
            problems.Add((nameof(Stock), "Product.StockInvalid"));
        }
        if (Sku?.Trim().Length > 40)
        {
            problems.Add((nameof(Sku), "Product.SkuTooLong"));
        }
        return problems;
    }

    public void ApplyTo(Product product, Money price)
    {
        product.Name = Name!.Trim();
        product.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        product.CategoryId = CategoryId;
        product.Unit = Unit!.Trim();
        product.Price = price;
        product.Stock = TracksStock ? Stock : null;
        product.IsActive = IsActive;
        product.IsLocal = IsLocal;
        product.Sku = string.IsNullOrWhiteSpace(Sku) ? null : Sku.Trim();
    }
}
