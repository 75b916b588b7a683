using System.Globalization;
using Market.Core.Nearby;

namespace Market.Web.Nearby;

/// <summary>
/// Where the resident says they are. Label is the neighbourhood ("Zacamil, Mejicanos"), or null for a position
/// the browser gave. FromUrl: it came with the request (not remembered anywhere), so links must carry it on.
/// </summary>
public sealed record ResidentLocation(GeoPoint Point, string? Label, int? NeighbourhoodId, bool FromUrl)
{
    /// <summary>About 11 m: enough to sort shops, and no finer than it needs to be to travel in URLs and cookies.</summary>
    public static double Round(double degrees) => Math.Round(degrees, 4);

    /// <summary>The query parameters that carry this location in a link or a form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        NeighbourhoodId is { } id
            ? [new("colonia", id.ToString(CultureInfo.InvariantCulture))]
            : [new("lat", Round(Point.Latitude).ToString(CultureInfo.InvariantCulture)), new("lng", Round(Point.Longitude).ToString(CultureInfo.InvariantCulture))];

    public string QueryString => string.Join('&', Parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
}
