namespace Market.Core.Nearby;

/// <summary>A place a signed-in resident chose to keep on their account (asked for, never stored on its own).</summary>
public sealed class SavedAddress
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Label { get; set; }
    public int? NeighbourhoodId { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
