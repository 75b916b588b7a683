namespace Market.Core.Catalog;

public sealed class Product
{
    public int Id { get; set; }
    public int ShopId { get; set; }
    public Shop Shop { get; set; } = null!;
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Unit { get; set; }
    public Money Price { get; set; }

    /// <summary>Units on hand; null when the shop does not count stock (food made to order).</summary>
    public int? Stock { get; set; }

    public bool IsActive { get; set; } = true;
    public bool IsLocal { get; set; }

    /// <summary>The shop's own code for the product; CSV imports match on it.</summary>
    public string? Sku { get; set; }

    /// <summary>In display order; the first is the main photo.</summary>
    public List<ProductPhoto> Photos { get; set; } = [];
}

/// <summary>One photo of a product: its renditions live in the photo store under names made from <see cref="Hash"/>.</summary>
public sealed class ProductPhoto
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string Hash { get; set; }
    public int ThumbWidth { get; set; }
    public int ThumbHeight { get; set; }
    public int LargeWidth { get; set; }
    public int LargeHeight { get; set; }
}

public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
