using Market.Admin.Staff;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Market.Admin.ShopApprovals;

/// <summary>
/// A new one-time code for a vendor who lost theirs or let it expire. Only while the account has no password: once
/// the vendor has set one, staff cannot take the account over.
/// </summary>
public sealed record ReissueSetupCode(int ShopId, int? StaffMunicipality);

public sealed class ReissueSetupCodeHandler(MarketDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TimeProvider clock,
    AuditTrail audit)
{
    public async Task<StaffResult> HandleAsync(ReissueSetupCode command, CancellationToken ct)
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
        var vendor = shop.OwnerId is null ? null : await users.FindByIdAsync(shop.OwnerId);
        if (vendor is null || vendor.PasswordHash is not null)
        {
            return new(StaffOutcome.Refused, "ShopApprovals.AlreadyActivated");
        }
        var before = new { ExpiresAt = vendor.SetupCodeExpiresAt };
        var code = SetupCode.Issue(vendor, hasher, clock);
        // Saved with the account by the update below, in its one SaveChanges.
        audit.Record("shop.reissue-setup-code", $"shop:{shop.Id}", shop.MunicipalityId, before, new { ExpiresAt = vendor.SetupCodeExpiresAt });
        var updated = await users.UpdateAsync(vendor);
        return updated.Succeeded
            ? new(StaffOutcome.Done, Account: new VendorAccount(vendor.DisplayName, vendor.PhoneNumber ?? vendor.UserName!, shop.Name, code, vendor.SetupCodeExpiresAt!.Value))
            : new(StaffOutcome.Refused, "ShopApprovals.TryAgain");
    }
}
