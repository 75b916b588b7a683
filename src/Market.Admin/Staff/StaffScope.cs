using System.Globalization;
using System.Security.Claims;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Market.Admin.Staff;

/// <summary>
/// The municipalities a staff member acts for, decided here only: metropolitan staff all of them (null), municipal staff the
/// one in their sign-in. A municipal account without a well-formed municipality is refused everything, never an error.
/// </summary>
public sealed record StaffScope(int? Municipality)
{
    /// <summary>The policy of every staff page: a staff role and a scope that makes sense.</summary>
    public const string Policy = "Staff";

    public static StaffScope? Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MetroStaff) ? new StaffScope((int?)null)
        : user.IsInRole(Roles.MunicipalStaff)
            && int.TryParse(user.FindFirstValue(MarketClaims.Municipality), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new StaffScope(id)
            : null;

    public bool Covers(int municipalityId) => Municipality is null || Municipality == municipalityId;

    internal static void AddPolicy(AuthorizationOptions options) =>
        options.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Of(c.User) is not null));
}
