using Market.Admin.ShopApprovals;
using Market.Admin.Staff;
using Market.Core;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>
/// Metropolitan staff set a municipality's temporariness limits and stall fee. A limit lowered below what its spaces already have
/// scheduled from this month on is refused with each space and date; a new fee is charged on approvals from then on, while stalls
/// already approved or offered keep the fee recorded on them.
/// </summary>
public sealed record ChangeLimits(int MunicipalityId, int MaxDaysPerMonth, int MaxConsecutiveDays, string? StallFee);

/// <param name="NewFee">Set when the fee changed, for the confirmation to say whom it applies to.</param>
public sealed record LimitsResult(StaffOutcome Outcome, string? MessageKey = null, IReadOnlyList<object>? Args = null,
    IReadOnlyList<SpaceRuleBreak>? Breaks = null, Money? NewFee = null);

public sealed class ChangeLimitsHandler(MarketDbContext db, TimeProvider clock, AuditTrail audit)
{
    public async Task<LimitsResult> HandleAsync(ChangeLimits command, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Id == command.MunicipalityId, ct))
        {
            return new(StaffOutcome.NotFound);
        }
        if (!Money.TryParse(command.StallFee, out var fee))
        {
            return new(StaffOutcome.Refused, "Limits.FeeInvalid");
        }
        var proposed = MarketLimits.Default(command.MunicipalityId);
        try
        {
            proposed.Change(command.MaxDaysPerMonth, command.MaxConsecutiveDays, fee);
        }
        catch (DomainException e)
        {
            return new(StaffOutcome.Refused, e.MessageKey, e.Args);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A series or a move in the municipality waits for these limits, and is then checked against them.
        await MarketDayRules.LockMunicipalityAsync(db, command.MunicipalityId, ct);
        var limits = await db.MarketLimits.SingleOrDefaultAsync(l => l.MunicipalityId == command.MunicipalityId, ct);
        var current = limits ?? MarketLimits.Default(command.MunicipalityId);
        var breaks = await MarketDayRules.CheckLimitsAsync(db, current, proposed, ElSalvadorTime.Today(clock), ct);
        if (breaks.Count > 0)
        {
            return new(StaffOutcome.Refused, "Limits.Refused", Breaks: breaks);
        }
        var oldFee = current.StallFee;
        audit.Record("limits.change", $"municipality:{command.MunicipalityId}", command.MunicipalityId,
            new { current.MaxDaysPerMonth, current.MaxConsecutiveDays, current.StallFee },
            new { proposed.MaxDaysPerMonth, proposed.MaxConsecutiveDays, proposed.StallFee });
        if (limits is null)
        {
            db.MarketLimits.Add(proposed);
        }
        else
        {
            limits.Change(proposed.MaxDaysPerMonth, proposed.MaxConsecutiveDays, proposed.StallFee);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(StaffOutcome.Done, NewFee: fee == oldFee ? null : fee);
    }
}
