using System.Security.Claims;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Market.Web.Accounts;

/// <summary>Puts the display name and a staff member's municipality into the sign-in cookie.</summary>
internal sealed class MarketClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "display_name";
    public const string Municipality = "municipality_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MunicipalityId is { } municipality)
        {
            identity.AddClaim(new Claim(Municipality, municipality.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
