using Market.Core.Catalog;
using Market.Web.Storefront;

namespace Market.Web.Catalog;

/// <summary>The product form as typed; shown again unchanged, with messages, when something is wrong.</summary>
public sealed class ProductForm
{
    public int ShopId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int CategoryId { get; set; }
    public string? Unit { get; set; }
    public string? Price { get; set; }
    public bool TracksStock { get; set; } = true;
    public int? Stock { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsLocal { get; set; }
    public string? Sku { get; set; }

    public ProductInput ToInput() => new(Name, Description, CategoryId, Unit, Price, TracksStock, Stock, IsActive, IsLocal, Sku);

    public static ProductForm From(Product p) => new()
    {
        ShopId = p.ShopId,
        Name = p.Name,
        Description = p.Description,
        CategoryId = p.CategoryId,
        Unit = p.Unit,
        Price = p.Price.ToPlainString(),
        TracksStock = p.Stock is not null,
        Stock = p.Stock,
        IsActive = p.IsActive,
        IsLocal = p.IsLocal,
        Sku = p.Sku,
    };
}

public sealed record ProductFormPage(int? ProductId, string ShopName, ProductForm Form, IReadOnlyList<Option> Categories,
    IReadOnlyList<ProductPhoto> Photos);

public sealed record CatalogRow(int Id, string Name, string Unit, string Category, Market.Core.Money Price, int? Stock, bool IsActive, string? Sku);

public sealed record CatalogPage(IReadOnlyList<Option> Shops, int ShopId, string ShopName, IReadOnlyList<CatalogRow> Products);
