using Market.Admin.ShopApprovals;
using Market.Core;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Market.Web.Accounts;

/// <summary>A vendor whose account staff opened sets their own password with the one-time code they were handed.</summary>
public sealed record UseSetupCode(string? Phone, string? Code, string? Password, string? ClientAddress);

/// <summary><see cref="Errors"/> are message keys; on success <see cref="User"/> is the account, its code spent.</summary>
public sealed record UseSetupCodeResult(IReadOnlyList<string> Errors, AppUser? User = null);

public sealed class UseSetupCodeHandler(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(null!, "00000000"));

    public async Task<UseSetupCodeResult> HandleAsync(UseSetupCode command)
    {
        // An unknown phone, a wrong code and a wait get the same answer, so the page does not tell who has an account;
        // wrong codes slow down their sender only, never lock the vendor out.
        var key = PhoneNumber.TryNormalize(command.Phone, out var phone) ? "codigo:" + phone : null;
        var user = key is null || await throttle.MustWaitAsync(key, command.ClientAddress) ? null : await users.FindByNameAsync(phone);
        if (user?.SetupCodeHash is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, command.Code ?? "");
        }
        var check = user is null ? SetupCodeCheck.Wrong : SetupCode.Check(user, command.Code, hasher, clock);
        if (user is null || check == SetupCodeCheck.Wrong)
        {
            if (key is not null)
            {
                await throttle.FailedAsync(key, command.ClientAddress);
            }
            return new(["SetupCode.Wrong"]);
        }
        if (check == SetupCodeCheck.Expired)
        {
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
        await throttle.ClearAsync(key!, command.ClientAddress);
        return new([], user);
    }
}
