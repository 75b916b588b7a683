using System.Globalization;
using System.Security.Claims;
using Market.Core.Data;
using Market.Core.Nearby;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Nearby;

/// <summary>Where the resident is, in order: this request's parameters, the remembered cookie, the newest saved address.</summary>
public sealed class FindLocation(MarketDbContext db)
{
    public async Task<ResidentLocation?> ForAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = request.Query;
        if (int.TryParse(query["colonia"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await NeighbourhoodAsync(id, ct) is { } place)
        {
            return place with { FromUrl = true };
        }
        if (TryPoint(query["lat"], query["lng"], out var point))
        {
            return new ResidentLocation(point, null, null, FromUrl: true);
        }
        if (LocationCookie.Read(request) is { } remembered)
        {
            return remembered;
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return await db.SavedAddresses.AsNoTracking().Where(a => a.UserId == userId)
                .OrderByDescending(a => a.SavedAt).ThenByDescending(a => a.Id)
                .Select(a => new ResidentLocation(new GeoPoint(a.Latitude, a.Longitude), a.Label == "" ? null : a.Label, a.NeighbourhoodId, false))
                .FirstOrDefaultAsync(ct);
        }
        return null;
    }

    public Task<ResidentLocation?> NeighbourhoodAsync(int id, CancellationToken ct) =>
        db.Neighbourhoods.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new ResidentLocation(new GeoPoint(n.Latitude, n.Longitude), n.Name + ", " + n.Municipality.Name, n.Id, false))
            .FirstOrDefaultAsync(ct);

    public static bool TryPoint(string? latitude, string? longitude, out GeoPoint point)
    {
        point = default;
        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            || !GeoPoint.IsValid(lat, lng))
        {
            return false;
        }
        point = new GeoPoint(ResidentLocation.Round(lat), ResidentLocation.Round(lng));
        return true;
    }
}
