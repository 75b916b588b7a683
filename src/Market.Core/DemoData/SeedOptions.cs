namespace Market.Core.DemoData;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Fill an empty database with demo municipalities, shops, products and accounts at start.</summary>
    public bool DemoData { get; set; }

    /// <summary>Give demo products a photo (an illustration per product name) and shops a logo, made by the photo pipeline.</summary>
    public bool DemoPhotos { get; set; } = true;
}
