using Market.Core;
using Market.Core.Catalog;

namespace Market.Web.Storefront;

public sealed record ProductCard(int Id, string Name, string Unit, Money Price, int? Stock, bool IsLocal, string Category, string CategorySlug,
    int ShopId, string ShopName, string Municipality, Market.Web.Shared.PhotoView? Photo)
{
    public bool SoldOut => Stock == 0;

    /// <summary>Distance, delivery and opening seen from the resident; set on lists, null elsewhere.</summary>
    public Proximity? Near { get; init; }
}

public sealed record Option(string Value, string Label);

public sealed record CatalogFilters(IReadOnlyList<Option> Municipalities, IReadOnlyList<Option> Categories, string? Municipality, string? Category);

public sealed record StorefrontPage(IReadOnlyList<ProductCard> Products, CatalogFilters Filters, int Page, int Pages, int Total)
{
    public BrowseForm Form { get; init; } = new();
    public Nearby.ResidentLocation? Location { get; init; }
    public IReadOnlyList<Option> NearbyCategories { get; init; } = [];
    public NextMarket? NextMarket { get; init; }

    /// <summary>How many filters behind the "Filtros" button are on, so the closed button still tells.</summary>
    public int ActiveFilters => (string.IsNullOrEmpty(Filters.Municipality) ? 0 : 1) + (string.IsNullOrEmpty(Filters.Category) ? 0 : 1) + Form.ActiveCount(Location is not null);
}

/// <summary>The storefront's search and filter fields as typed, so the form shows them again.</summary>
public sealed record BrowseForm
{
    public static readonly int[] Radii = [2, 5, 10, 25];

    public string? Q { get; init; }
    public bool Entrega { get; init; }
    public bool Retiro { get; init; }
    public bool Abierto { get; init; }
    public bool Local { get; init; }
    public bool Mercado { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public int Radio { get; init; } = 5;

    public bool PriceUnreadable => Unreadable(Min) || Unreadable(Max);

    public bool AnyFilter => Entrega || Retiro || Abierto || Local || Mercado || !string.IsNullOrWhiteSpace(Min) || !string.IsNullOrWhiteSpace(Max);

    /// <summary>Each ticked box counts one, a price range one, a radius other than the usual one (with a location) one.</summary>
    public int ActiveCount(bool located) =>
        new[] { Entrega, Retiro, Abierto, Local, Mercado }.Count(on => on)
        + (string.IsNullOrWhiteSpace(Min) && string.IsNullOrWhiteSpace(Max) ? 0 : 1)
        + (located && Radio != new BrowseForm().Radio ? 1 : 0);

    public int? WiderRadius => Radii.Where(r => r > Radio).Cast<int?>().FirstOrDefault();

    private static bool Unreadable(string? price) => !string.IsNullOrWhiteSpace(price) && !Money.TryParse(price, out _);
}

/// <summary>The product with all its photos in display order, the first being the main one.</summary>
public sealed record ProductPage(ProductCard Product, string? Description, IReadOnlyList<ProductPhoto> Photos);

public sealed record ShopPage(Shop Shop, IReadOnlyList<ProductCard> Products);
