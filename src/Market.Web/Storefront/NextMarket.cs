using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Nearby;
using Market.Web.Nearby;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Storefront;

/// <summary>The next market day near the resident and the vendors holding a stall at it.</summary>
public sealed record NextMarket(int MarketDayId, DateOnly Date, TimeOnly Opens, TimeOnly Closes, string Space, IReadOnlyList<int> VendorIds)
{
    // Far enough for a monthly market; a wider look would not be "the next market near me" any more.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(35);

    /// <summary>Within the radius of where the resident is, else in the chosen municipality, else anywhere.</summary>
    public static async Task<NextMarket?> FindAsync(MarketDbContext db, ResidentLocation? here, double radiusKm, string? municipality,
        DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Horizon;
        var days = db.MarketDays.AsNoTracking()
            .Where(d => d.Status == MarketDayStatus.Scheduled && d.EndsAt > now && d.StartsAt < until);
        if (here is null && !string.IsNullOrEmpty(municipality))
        {
            days = days.Where(d => db.Municipalities.Any(m => m.Id == d.PublicSpace.MunicipalityId && m.Code == municipality));
        }
        var upcoming = await days
            .Select(d => new { d.Id, d.Date, d.Opens, d.Closes, d.StartsAt, Space = d.PublicSpace.Name, d.PublicSpace.Latitude, d.PublicSpace.Longitude })
            .ToListAsync(ct);
        var next = upcoming
            .Select(d => (Day: d, Km: here is null ? 0 : new GeoPoint(d.Latitude, d.Longitude).DistanceKm(here.Point)))
            .Where(d => d.Km <= radiusKm || here is null)
            .OrderBy(d => d.Day.StartsAt).ThenBy(d => d.Km).Select(d => d.Day)
            .FirstOrDefault();
        if (next is null)
        {
            return null;
        }
        var vendors = await db.StallApplications
            .Where(a => a.MarketDayId == next.Id && a.Status == StallApplicationStatus.Approved)
            .Select(a => a.ShopId).ToListAsync(ct);
        return new NextMarket(next.Id, next.Date, next.Opens, next.Closes, next.Space, vendors);
    }
}
