using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Stalls;

/// <summary>A market vendor applies for a stall on one market day, or on every upcoming day of a series (<paramref name="SeriesId"/>).</summary>
public sealed record ApplyForStall(string OwnerId, int? MarketDayId, int? SeriesId);

public sealed record ApplyResult(int Created, string? MessageKey = null, IReadOnlyList<object>? Args = null)
{
    public bool Found { get; init; } = true;
}

public sealed class ApplyForStallHandler(MarketDbContext db, TimeProvider clock)
{
    public async Task<ApplyResult> HandleAsync(ApplyForStall command, CancellationToken ct)
    {
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.OwnerId == command.OwnerId && s.Kind == ShopKind.MarketVendor, ct);
        if (shop is null)
        {
            return new(0, "Stalls.NotAVendor");
        }
        var now = clock.GetUtcNow();
        var days = await db.MarketDays
            .Where(d => command.SeriesId != null
                ? d.SeriesId == command.SeriesId && d.Status == MarketDayStatus.Scheduled && d.StartsAt > now
                : d.Id == command.MarketDayId)
            .ToListAsync(ct);
        if (days.Count == 0)
        {
            return new(0) { Found = false };
        }
        List<int> ids = [.. days.Select(d => d.Id)];
        var already = await db.StallApplications.Where(a => a.ShopId == shop.Id && ids.Contains(a.MarketDayId)).Select(a => a.MarketDayId).ToHashSetAsync(ct);
        var created = 0;
        try
        {
            foreach (var day in days.Where(d => !already.Contains(d.Id)))
            {
                db.StallApplications.Add(StallApplication.Apply(day, shop, command.SeriesId, now));
                created++;
            }
            if (created == 0)
            {
                return new(0, "Stalls.AlreadyApplied");
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return new(0, e.MessageKey, e.Args);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same vendor applied twice at once (a double tap): the other request stored the applications.
            return new(0, "Stalls.AlreadyApplied");
        }
        return new(created);
    }
}
