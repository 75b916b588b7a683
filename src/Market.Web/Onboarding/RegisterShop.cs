using Market.Admin.ShopApprovals;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Onboarding;

/// <summary>
/// A resident (<paramref name="UserId"/>) or a new visitor (<paramref name="Account"/>) registers a shop. The owner becomes a
/// shopkeeper at once; the shop waits, pending, for its municipality's staff.
/// </summary>
public sealed record RegisterShop(string? UserId, NewAccount Account, ShopDetails Shop);

public sealed record RegisterShopResult(IReadOnlyList<FieldError> Errors, AppUser? Owner = null, bool NewOwner = false, bool AlreadyHasShop = false);

public sealed class RegisterShopHandler(MarketDbContext db, UserManager<AppUser> users)
{
    public async Task<RegisterShopResult> HandleAsync(RegisterShop command, CancellationToken ct)
    {
        var owner = command.UserId is null ? null : await users.FindByIdAsync(command.UserId);
        if (owner is not null && await HasShopAsync(owner, ct))
        {
            return new([], owner, AlreadyHasShop: true);
        }
        var errors = new List<FieldError>();
        var newOwner = owner is null ? await NewOwnerAsync(command.Account, errors, ct) : null;
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == command.Shop.MunicipalityId, ct);
        errors.AddRange(command.Shop.Check(municipality, out var values));
        if (values is null || errors.Count > 0)
        {
            return new(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (newOwner is not null)
        {
            var created = await users.CreateAsync(newOwner, command.Account.Password!);
            if (!created.Succeeded)
            {
                return new([.. created.Errors.Select(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or Accounts.UniqueIdentities.DuplicatePhone
                    ? new FieldError("Account.Phone", "Account.PhoneTaken")
                    : new FieldError("Account.Password", "Identity." + e.Code))]);
            }
        }
        owner ??= newOwner!;
        // Checked again inside the transaction: a double tap must not register two shops.
        if (newOwner is null && await HasShopAsync(owner, ct))
        {
            return new([], owner, AlreadyHasShop: true);
        }
        if (!await users.IsInRoleAsync(owner, Roles.Shopkeeper))
        {
            await users.AddToRoleAsync(owner, Roles.Shopkeeper);
        }
        db.Shops.Add(values.NewShop(owner.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new([], owner, NewOwner: newOwner is not null);
    }

    /// <summary>One shop per account: the shopkeeper's pages are built around it.</summary>
    private Task<bool> HasShopAsync(AppUser owner, CancellationToken ct) => db.Shops.AnyAsync(s => s.OwnerId == owner.Id, ct);

    private async Task<AppUser> NewOwnerAsync(NewAccount account, List<FieldError> errors, CancellationToken ct)
    {
        var name = account.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ShopDetails.NameLength)
        {
            errors.Add(new("Account.Name", "Account.NameRequired"));
        }
        if (!PhoneNumber.TryNormalize(account.Phone, out var phone))
        {
            errors.Add(new("Account.Phone", "Checkout.PhoneInvalid"));
        }
        else if (await users.Users.AnyAsync(u => u.UserName == phone || u.PhoneNumber == phone, ct))
        {
            errors.Add(new("Account.Phone", "Account.PhoneTaken"));
        }
        var user = new AppUser { UserName = phone, PhoneNumber = phone, DisplayName = name };
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, account.Password ?? "");
            errors.AddRange(checkedPassword.Errors.Select(e => new FieldError("Account.Password", "Identity." + e.Code)));
        }
        return user;
    }
}
