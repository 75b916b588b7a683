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
}

public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
