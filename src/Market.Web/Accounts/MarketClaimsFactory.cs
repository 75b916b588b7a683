using System.Security.Claims;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Market.Web.Accounts;

/// <summary>Puts the display name and a staff member's municipality into the sign-in cookie.</summary>
internal sealed class MarketClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MarketClaims.DisplayName, user.DisplayName));
        if (user.MunicipalityId is { } municipality)
        {
            identity.AddClaim(new Claim(MarketClaims.Municipality, municipality.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!user.TwoFactorEnabled && (user.TwoFactorRequired || await UserManager.IsInRoleAsync(user, Roles.MetroStaff)))
        {
            identity.AddClaim(new Claim(MarketClaims.MustEnrolSecondFactor, "true"));
        }
        return identity;
    }
}
