using Market.Admin.ShopApprovals;
using Market.Core;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>Metropolitan staff set a municipality's temporariness limits and stall fee; they apply to series scheduled from then on.</summary>
public sealed record ChangeLimits(int MunicipalityId, int MaxDaysPerMonth, int MaxConsecutiveDays, string? StallFee);

public sealed class ChangeLimitsHandler(MarketDbContext db)
{
    public async Task<StaffResult> HandleAsync(ChangeLimits command, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Id == command.MunicipalityId, ct))
        {
            return new(StaffOutcome.NotFound);
        }
        if (!Money.TryParse(command.StallFee, out var fee))
        {
            return new(StaffOutcome.Refused, "Limits.FeeInvalid");
        }
        var limits = await db.MarketLimits.SingleOrDefaultAsync(l => l.MunicipalityId == command.MunicipalityId, ct);
        if (limits is null)
        {
            limits = MarketLimits.Default(command.MunicipalityId);
            db.MarketLimits.Add(limits);
        }
        try
        {
            limits.Change(command.MaxDaysPerMonth, command.MaxConsecutiveDays, fee);
        }
        catch (DomainException e)
        {
            return new(StaffOutcome.Refused, e.MessageKey, e.Args);
        }
        await db.SaveChangesAsync(ct);
        return new(StaffOutcome.Done);
    }
}
