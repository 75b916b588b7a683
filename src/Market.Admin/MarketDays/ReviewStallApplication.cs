using Market.Admin.ShopApprovals;
using Market.Admin.Staff;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

public enum StallDecision
{
    Approve,
    WaitList,
    Reject,
    MarkPaid,
}

/// <summary>
/// Staff decide on a stall application. Approving without a stall number gives the lowest free one.
/// <paramref name="StaffMunicipality"/> is null for metropolitan staff.
/// </summary>
public sealed record ReviewStallApplication(int ApplicationId, StallDecision Decision, int? StallNumber, string? Reason, int? StaffMunicipality);

public sealed class ReviewStallApplicationHandler(MarketDbContext db, TimeProvider clock, AuditTrail audit)
{
    private const int AutoAssignAttempts = 5;

    public async Task<StaffResult> HandleAsync(ReviewStallApplication command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var application = await db.StallApplications.Include(a => a.MarketDay).ThenInclude(d => d.PublicSpace)
                .SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct);
            if (application is null)
            {
                return new(StaffOutcome.NotFound);
            }
            var space = application.MarketDay.PublicSpace;
            if (command.StaffMunicipality is { } own && space.MunicipalityId != own)
            {
                return new(StaffOutcome.Forbidden);
            }
            var freed = application.StallNumber;
            try
            {
                await SaveDecisionAsync(application, space, command, ct);
            }
            catch (DomainException e) when (e.MessageKey == "Stalls.StallTaken" && command.StallNumber is null && attempt < AutoAssignAttempts)
            {
                // Another approval took the lowest free stall first: take the next one.
                continue;
            }
            catch (DomainException e)
            {
                return new(StaffOutcome.Refused, e.MessageKey, e.Args);
            }
            if (command.Decision == StallDecision.Reject && freed is { } stall)
            {
                await StallBooking.OfferFreedStallAsync(db, space, application.MarketDayId, stall, await StallBooking.FeeAsync(db, space.MunicipalityId, ct), ct);
            }
            return new(StaffOutcome.Done);
        }
    }

    private async Task SaveDecisionAsync(StallApplication application, PublicSpace space, ReviewStallApplication command, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (command.Decision == StallDecision.Approve)
        {
            // An edit of the space checks the held stalls against a smaller capacity under this lock: approve within what it left.
            await MarketDayRules.LockSpaceAsync(db, space, ct);
        }
        var before = Snapshot(application);
        await DecideAsync(application, space, command, ct);
        audit.Record("stall." + command.Decision.ToString().ToLowerInvariant(), $"stall-application:{application.Id}", space.MunicipalityId,
            before, Snapshot(application));
        await StallBooking.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    private async Task DecideAsync(StallApplication application, PublicSpace space, ReviewStallApplication command, CancellationToken ct)
    {
        if (command.Decision is StallDecision.Approve or StallDecision.WaitList && application.MarketDay.Status != MarketDayStatus.Scheduled)
        {
            throw new DomainException("Stalls.DayClosed");
        }
        switch (command.Decision)
        {
            case StallDecision.Approve:
                var stall = command.StallNumber
                    ?? WaitList.FirstFreeStall(space, await StallBooking.HeldStallsAsync(db, application.MarketDayId, ct))
                    ?? throw new DomainException("Stalls.Full", space.Capacity);
                application.Approve(stall, space, await StallBooking.FeeAsync(db, space.MunicipalityId, ct));
                break;
            case StallDecision.WaitList:
                application.WaitList(clock.GetUtcNow());
                break;
            case StallDecision.Reject:
                application.Reject(command.Reason);
                break;
            default:
                application.MarkFeePaid(clock.GetUtcNow());
                break;
        }
    }

    private static object Snapshot(StallApplication a) => new { a.ShopId, a.MarketDayId, a.Status, a.StallNumber, a.Fee, a.FeePaidAt, a.Reason };
}
