using System.Globalization;
using System.Security.Cryptography;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Market.Admin.ShopApprovals;

/// <summary>
/// The one-time code staff hand a vendor whose account they opened, so the vendor can set a password. Only a salted,
/// slow hash is stored; wrong guesses slow down their sender (the sign-in throttle), never lock the vendor out.
/// </summary>
public static class SetupCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const int Digits = 8;

    public static string Issue(AppUser user, IPasswordHasher<AppUser> hasher, TimeProvider clock)
    {
        var code = RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        user.SetupCodeHash = hasher.HashPassword(user, code);
        user.SetupCodeExpiresAt = clock.GetUtcNow() + Lifetime;
        return code;
    }

    /// <summary>"1234 5678": easier to read aloud and to copy onto paper.</summary>
    public static string Display(string code) => code[..4] + " " + code[4..];

    public static SetupCodeCheck Check(AppUser user, string? typed, IPasswordHasher<AppUser> hasher, TimeProvider clock)
    {
        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        if (user.SetupCodeHash is null || digits.Length != Digits
            || hasher.VerifyHashedPassword(user, user.SetupCodeHash, digits) == PasswordVerificationResult.Failed)
        {
            return SetupCodeCheck.Wrong;
        }
        return user.SetupCodeExpiresAt > clock.GetUtcNow() ? SetupCodeCheck.Valid : SetupCodeCheck.Expired;
    }
}

public enum SetupCodeCheck
{
    Wrong,
    Expired,
    Valid,
}
