using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Core.MarketDays;

/// <summary>
/// Saving a change that takes or frees a stall. The unique index on (market day, stall number) and the status
/// concurrency token decide races; the checks before them only give a friendlier answer in the common case.
/// </summary>
public static class StallBooking
{
    private const int Attempts = 5;

    public static async Task<IReadOnlyList<int>> HeldStallsAsync(MarketDbContext db, int marketDayId, CancellationToken ct) =>
        await db.StallApplications.Where(a => a.MarketDayId == marketDayId && a.StallNumber != null)
            .Select(a => a.StallNumber!.Value).ToListAsync(ct);

    public static async Task<Money> FeeAsync(MarketDbContext db, int municipalityId, CancellationToken ct) =>
        await db.MarketLimits.Where(l => l.MunicipalityId == municipalityId).Select(l => (Money?)l.StallFee).SingleOrDefaultAsync(ct)
            ?? Money.Zero;

    /// <summary>Saves; a stall another request took meanwhile, or an application another request changed, is a refusal.</summary>
    public static async Task SaveAsync(MarketDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new DomainException("Stalls.StallTaken");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("Stalls.ChangedMeanwhile");
        }
    }

    /// <summary>
    /// Offers a freed stall to the vendor wait-listed longest; if that vendor was offered another meanwhile, to the next. A stall
    /// the space no longer has (an edit made it smaller after the stall was freed) is offered to nobody.
    /// </summary>
    public static async Task<StallApplication?> OfferFreedStallAsync(MarketDbContext db, PublicSpace space, int marketDayId, int stallNumber, Money fee,
        CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await MarketDayRules.LockSpaceAsync(db, space, ct);
            if (!space.HasStall(stallNumber))
            {
                return null;
            }
            var waiting = await db.StallApplications
                .Where(a => a.MarketDayId == marketDayId && a.Status == StallApplicationStatus.WaitListed)
                .ToListAsync(ct);
            if (WaitList.NextInLine(waiting) is not { } next)
            {
                return null;
            }
            next.Offer(stallNumber, fee);
            try
            {
                await SaveAsync(db, ct);
                await tx.CommitAsync(ct);
                return next;
            }
            catch (DomainException)
            {
                // Someone else took this stall or this vendor first; look again.
            }
        }
        return null;
    }
}
