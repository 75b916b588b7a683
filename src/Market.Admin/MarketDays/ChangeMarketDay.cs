using Market.Admin.ShopApprovals;
using Market.Admin.Staff;
using Market.Core;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>Staff cancel one market day, or move it (<paramref name="NewDate"/> set) with a reason; a move obeys the rules too.</summary>
public sealed record ChangeMarketDay(int MarketDayId, string? Reason, DateOnly? NewDate, TimeOnly? Opens, TimeOnly? Closes, int? StaffMunicipality)
{
    public bool IsMove => NewDate is not null;
}

public sealed record DayChangeResult(StaffOutcome Outcome, string? MessageKey = null, IReadOnlyList<object>? Args = null, IReadOnlyList<RuleBreak>? Breaks = null);

public sealed class ChangeMarketDayHandler(MarketDbContext db, TimeProvider clock, IMarketDayNotices notices, AuditTrail audit)
{
    public async Task<DayChangeResult> HandleAsync(ChangeMarketDay command, CancellationToken ct)
    {
        var day = await db.MarketDays.Include(d => d.PublicSpace).SingleOrDefaultAsync(d => d.Id == command.MarketDayId, ct);
        if (day is null)
        {
            return new(StaffOutcome.NotFound);
        }
        if (command.StaffMunicipality is { } own && day.PublicSpace.MunicipalityId != own)
        {
            return new(StaffOutcome.Forbidden);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = Snapshot(day);
        try
        {
            if (command.IsMove)
            {
                if (command.Opens is not { } opens || command.Closes is not { } closes)
                {
                    return new(StaffOutcome.Refused, "Series.HoursInvalid");
                }
                if (command.NewDate <= ElSalvadorTime.Today(clock))
                {
                    return new(StaffOutcome.Refused, "Series.StartsInThePast");
                }
                await MarketDayRules.LockSpaceAsync(db, day.PublicSpace, ct);
                var breaks = await MarketDayRules.CheckAsync(db, day.PublicSpace, [new DayPlan(command.NewDate!.Value, opens, closes)], day.Id, ct);
                if (breaks.Count > 0)
                {
                    return new(StaffOutcome.Refused, Breaks: breaks);
                }
                day.Move(command.NewDate!.Value, opens, closes, command.Reason);
            }
            else
            {
                day.Cancel(command.Reason);
            }
            var now = clock.GetUtcNow();
            // Each order event gets its outbox row in this transaction: residents and shops hear of it even if the push below is lost.
            var orders = await db.Orders.Where(o => o.MarketDayId == day.Id).ToListAsync(ct);
            foreach (var order in orders)
            {
                order.NoteMarketDayChange(!command.IsMove, day.ChangeReason!, now);
            }
            audit.Record(command.IsMove ? "market-day.move" : "market-day.cancel", $"market-day:{day.Id}", day.PublicSpace.MunicipalityId, before, Snapshot(day));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            return new(StaffOutcome.Refused, e.MessageKey, e.Args);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(StaffOutcome.Refused, "MarketDays.ChangedMeanwhile");
        }
        var vendors = await db.StallApplications
            .Where(a => a.MarketDayId == day.Id && (a.Status == StallApplicationStatus.Approved || a.Status == StallApplicationStatus.Offered))
            .Select(a => a.ShopId).ToListAsync(ct);
        await notices.PublishAsync(new MarketDayNotice(day.Id, day.PublicSpace.Name, day.Date, day.Opens, day.Closes, day.Status, day.ChangeReason,
            day.MovedFrom), vendors, ct);
        return new(StaffOutcome.Done);
    }

    private static object Snapshot(MarketDay d) => new { Space = d.PublicSpace.Name, d.Date, d.Opens, d.Closes, d.Status, Reason = d.ChangeReason };
}
