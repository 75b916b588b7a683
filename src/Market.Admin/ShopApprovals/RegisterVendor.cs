using Market.Admin.Staff;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.ShopApprovals;

/// <summary>
/// Assisted onboarding: staff open a shopkeeper account (the phone is the user name, no password yet) and an active
/// shop for a vendor, and get a one-time code the vendor uses to set a password.
/// </summary>
public sealed record RegisterVendor(string? VendorName, string? VendorPhone, ShopDetails Shop, int? StaffMunicipality);

public sealed record RegisterVendorResult(IReadOnlyList<FieldError> Errors, VendorAccount? Account = null);

public sealed class RegisterVendorHandler(MarketDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TimeProvider clock,
    AuditTrail audit)
{
    public async Task<RegisterVendorResult> HandleAsync(RegisterVendor command, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = command.VendorName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ShopDetails.NameLength)
        {
            errors.Add(new(nameof(command.VendorName), "ShopApprovals.VendorNameRequired", ShopDetails.NameLength));
        }
        if (!PhoneNumber.TryNormalize(command.VendorPhone, out var phone))
        {
            errors.Add(new(nameof(command.VendorPhone), "ShopApprovals.PhoneInvalid"));
        }
        else if (await users.Users.AnyAsync(u => u.UserName == phone || u.PhoneNumber == phone, ct))
        {
            errors.Add(new(nameof(command.VendorPhone), "ShopApprovals.PhoneTaken"));
        }
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == command.Shop.MunicipalityId
            && (command.StaffMunicipality == null || m.Id == command.StaffMunicipality), ct);
        errors.AddRange(command.Shop.Check(municipality, out var values));
        if (values is null || errors.Count > 0)
        {
            return new(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var vendor = new AppUser { UserName = phone, PhoneNumber = phone, DisplayName = name };
        var code = SetupCode.Issue(vendor, hasher, clock);
        var created = await users.CreateAsync(vendor);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal))
                ? new([new(nameof(command.VendorPhone), "ShopApprovals.PhoneTaken")])
                : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(vendor, Roles.Shopkeeper);
        var shop = values.NewShop(vendor.Id);
        // Staff of the shop's own municipality typed it in with the vendor in front of them: that is the review.
        shop.Approve();
        db.Shops.Add(shop);
        await db.SaveChangesAsync(ct);
        audit.Record("shop.register-vendor", $"shop:{shop.Id}", shop.MunicipalityId, null, new { shop.Name, Vendor = name, Phone = phone, shop.Status });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new([], new VendorAccount(name, phone, shop.Name, code, vendor.SetupCodeExpiresAt!.Value));
    }
}
