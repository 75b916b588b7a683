namespace Market.Core.Territory;

/// <summary>A colonia, barrio, reparto or cantón of a municipality, with an approximate centre for "near me".</summary>
public sealed class Neighbourhood
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality Municipality { get; set; } = null!;
    public required string Name { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
