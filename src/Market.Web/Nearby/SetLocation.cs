using Market.Core.Data;
using Market.Core.Nearby;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Nearby;

/// <summary>
/// A resident picks a neighbourhood or sends the browser's position. Nothing is stored unless they ask:
/// SaveToAccount keeps it on their account (signed in only); the controller keeps it in a cookie if they ticked "recordar".
/// </summary>
public sealed record SetLocation(int? NeighbourhoodId, string? Latitude, string? Longitude, bool SaveToAccount, string? UserId);

public sealed class SetLocationHandler(MarketDbContext db, FindLocation find, TimeProvider clock)
{
    /// <summary>Farther than this from every municipality's centre is not in the metropolitan area.</summary>
    private const double AreaKm = 25;

    public async Task<(ResidentLocation? Location, string? Error)> HandleAsync(SetLocation command, CancellationToken ct)
    {
        ResidentLocation? location;
        if (command.NeighbourhoodId is { } id)
        {
            location = await find.NeighbourhoodAsync(id, ct);
            if (location is null)
            {
                return (null, "Nearby.UnknownNeighbourhood");
            }
        }
        else if (FindLocation.TryPoint(command.Latitude, command.Longitude, out var point))
        {
            var centres = await db.Municipalities.AsNoTracking().Select(m => new GeoPoint(m.Latitude, m.Longitude)).ToListAsync(ct);
            if (!centres.Any(c => c.DistanceKm(point) <= AreaKm))
            {
                return (null, "Nearby.OutsideArea");
            }
            location = new ResidentLocation(point, null, null, FromUrl: false);
        }
        else
        {
            return (null, "Nearby.ChooseOne");
        }

        if (command.SaveToAccount && command.UserId is { } userId)
        {
            db.SavedAddresses.Add(new SavedAddress
            {
                UserId = userId,
                Label = location.Label ?? "",
                NeighbourhoodId = location.NeighbourhoodId,
                Latitude = location.Point.Latitude,
                Longitude = location.Point.Longitude,
                SavedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        return (location, null);
    }
}
