using Market.Core;
using Market.Core.Catalog;

namespace Market.Web.Storefront;

public sealed record ProductCard(int Id, string Name, string Unit, Money Price, int? Stock, bool IsLocal, string Category,
    int ShopId, string ShopName, string Municipality, Market.Web.Shared.PhotoView? Photo)
{
    public bool SoldOut => Stock == 0;
}

public sealed record Option(string Value, string Label);

public sealed record CatalogFilters(IReadOnlyList<Option> Municipalities, IReadOnlyList<Option> Categories, string? Municipality, string? Category);

public sealed record StorefrontPage(IReadOnlyList<ProductCard> Products, CatalogFilters Filters, int Page, int Pages, int Total);

public sealed record ProductPage(ProductCard Product, string? Description);

public sealed record ShopPage(Shop Shop, IReadOnlyList<ProductCard> Products);
