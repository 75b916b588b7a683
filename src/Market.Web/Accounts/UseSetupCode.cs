using Market.Admin.ShopApprovals;
using Market.Core;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Market.Web.Accounts;

/// <summary>A vendor whose account staff opened sets their own password with the one-time code they were handed.</summary>
public sealed record UseSetupCode(string? Phone, string? Code, string? Password);

/// <summary><see cref="Errors"/> are message keys; on success <see cref="User"/> is the account, its code spent.</summary>
public sealed record UseSetupCodeResult(IReadOnlyList<string> Errors, AppUser? User = null);

public sealed class UseSetupCodeHandler(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public async Task<UseSetupCodeResult> HandleAsync(UseSetupCode command)
    {
        // An unknown phone and a wrong code get the same answer, so the page does not tell who has an account.
        var user = PhoneNumber.TryNormalize(command.Phone, out var phone) ? await users.FindByNameAsync(phone) : null;
        if (user is null)
        {
            return new(["SetupCode.Wrong"]);
        }
        if (await users.IsLockedOutAsync(user))
        {
            return new(["Account.LockedOut"]);
        }
        switch (SetupCode.Check(user, command.Code, hasher, clock))
        {
            case SetupCodeCheck.Wrong:
                if (user.SetupCodeHash is not null)
                {
                    await users.AccessFailedAsync(user);
                }
                return new(["SetupCode.Wrong"]);
            case SetupCodeCheck.Expired:
                return new(["SetupCode.Expired"]);
        }
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, command.Password ?? "")).Errors.Select(e => "Identity." + e.Code));
        }
        if (problems.Count > 0)
        {
            return new(problems);
        }
        // Spent in the same save that sets the password; a second use at the same moment loses on the concurrency stamp.
        user.SetupCodeHash = null;
        user.SetupCodeExpiresAt = null;
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), command.Password!);
        if (!reset.Succeeded)
        {
            return new(["SetupCode.Wrong"]);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new([], user);
    }
}
