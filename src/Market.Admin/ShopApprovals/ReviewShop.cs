using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;

namespace Market.Admin.ShopApprovals;

public enum ShopDecision
{
    Approve,
    Reject,
}

/// <summary>Staff approve a shop or reject it with a reason. <paramref name="StaffMunicipality"/> is null for metropolitan staff.</summary>
public sealed record ReviewShop(int ShopId, ShopDecision Decision, string? Reason, int? StaffMunicipality);

public sealed class ReviewShopHandler(MarketDbContext db)
{
    public const int ReasonLength = 500;

    public async Task<StaffResult> HandleAsync(ReviewShop command, CancellationToken ct)
    {
        var shop = await db.Shops.FindAsync([command.ShopId], ct);
        if (shop is null)
        {
            return new(StaffOutcome.NotFound);
        }
        if (command.StaffMunicipality is { } own && shop.MunicipalityId != own)
        {
            return new(StaffOutcome.Forbidden);
        }
        if (command.Reason?.Trim().Length > ReasonLength)
        {
            return new(StaffOutcome.Refused, "ShopApprovals.ReasonTooLong", [ReasonLength]);
        }
        try
        {
            if (command.Decision == ShopDecision.Approve)
            {
                shop.Approve();
            }
            else
            {
                shop.Reject(command.Reason ?? "");
            }
        }
        catch (DomainException e)
        {
            return new(StaffOutcome.Refused, e.MessageKey, e.Args);
        }
        await db.SaveChangesAsync(ct);
        return new(StaffOutcome.Done);
    }
}
