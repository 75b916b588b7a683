using Microsoft.AspNetCore.Identity;

namespace Market.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Set for municipal staff: the one municipality they act for.</summary>
    public int? MunicipalityId { get; set; }

    /// <summary>For assisted onboarding: staff hand the vendor a one-time code to set their own password.</summary>
    public string? SetupCodeHash { get; set; }
    public DateTimeOffset? SetupCodeExpiresAt { get; set; }

    /// <summary>Metropolitan staff ask this staff account to sign in with an authenticator app too (always so for metropolitan staff).</summary>
    public bool TwoFactorRequired { get; set; }
}

public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string Shopkeeper = nameof(Shopkeeper);
    public const string MunicipalStaff = nameof(MunicipalStaff);
    public const string MetroStaff = nameof(MetroStaff);

    public static readonly IReadOnlyList<string> All = [Resident, Shopkeeper, MunicipalStaff, MetroStaff];
}
