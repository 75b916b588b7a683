using Market.Admin.Staff;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;

namespace Market.Admin.ShopApprovals;

public enum ShopDecision
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

/// <summary>
/// Staff approve a shop, reject it with a reason, suspend it with a reason or reinstate it. <paramref name="StaffMunicipality"/>
/// is null for metropolitan staff.
/// </summary>
public sealed record ReviewShop(int ShopId, ShopDecision Decision, string? Reason, int? StaffMunicipality);

public sealed class ReviewShopHandler(MarketDbContext db, AuditTrail audit, TimeProvider clock)
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
        var before = new { shop.Status, Reason = shop.RejectionReason };
        try
        {
            switch (command.Decision)
            {
                case ShopDecision.Approve:
                    shop.Approve();
                    break;
                case ShopDecision.Reject:
                    shop.Reject(command.Reason ?? "");
                    break;
                case ShopDecision.Suspend:
                    shop.Suspend(command.Reason ?? "");
                    break;
                default:
                    shop.Reinstate();
                    break;
            }
        }
        catch (DomainException e)
        {
            return new(StaffOutcome.Refused, e.MessageKey, e.Args);
        }
        audit.Record("shop." + command.Decision.ToString().ToLowerInvariant(), $"shop:{shop.Id}", shop.MunicipalityId, before,
            new { shop.Status, Reason = shop.RejectionReason });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (command.Decision == ShopDecision.Suspend && shop.OwnerId is { } owner)
        {
            // A suspended shop's phone, wherever it is signed in, stops working for the shop at once.
            await UserSessions.RevokeAllAsync(db, owner, clock.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);
        return new(StaffOutcome.Done);
    }
}
