namespace Market.Core.Territory;

public sealed class Municipality
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
