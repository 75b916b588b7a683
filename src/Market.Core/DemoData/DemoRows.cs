using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>A line of municipios.csv.</summary>
internal sealed record MunicipalityRow(string Code, string Name, double Latitude, double Longitude, IReadOnlyList<string> Colonias);

/// <summary>A line of tiendas-demo.csv; Number is its 1-based position among the shops.</summary>
internal sealed record ShopRow(int Number, string Name, ShopKind Kind, string MunicipalityCode, IReadOnlySet<string> Sells);

/// <summary>A line of productos-demo.csv.</summary>
internal sealed record ProductRow(string Category, string Name, string Unit, Money Price, bool IsLocal, IReadOnlySet<ShopKind> SoldBy);

/// <summary>A line of colonias.csv: a neighbourhood with its approximate centre.</summary>
internal sealed record NeighbourhoodRow(string MunicipalityCode, string Name, double Latitude, double Longitude);
/// <summary>A line of mercados-demo.csv: a public space and its usual market hours in words.</summary>
internal sealed record MarketRow(string MunicipalityCode, string Name, MarketDays.PublicSpaceKind Kind, MarketDays.StreetUse? StreetUse, int Stalls,
    string Usual, string StreetHours);
