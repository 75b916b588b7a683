using System.Security.Cryptography;
using System.Text;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Accounts;

/// <summary>
/// Identity's store, except that second-factor recovery codes are kept as hashes (a copy of the database does not sign
/// anyone in), and two sign-ups racing for one phone or e-mail get a refusal rather than an error from the unique index.
/// </summary>
internal sealed class MarketUserStore(MarketDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, MarketDbContext>(context, describer)
{
    private const string Provider = "[MarketUserStore]";
    private const string CodesName = "RecoveryCodeHashes";

    public override Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        RefuseDuplicateAsync(user, () => base.CreateAsync(user, cancellationToken));

    public override Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        RefuseDuplicateAsync(user, () => base.UpdateAsync(user, cancellationToken));

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, CodesName, string.Join(';', recoveryCodes.Select(c => Hash(user, c))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await HashesAsync(user, cancellationToken);
        var hash = Hash(user, code);
        if (!hashes.Contains(hash, StringComparer.Ordinal))
        {
            return false;
        }
        await SetTokenAsync(user, Provider, CodesName, string.Join(';', hashes.Where(h => h != hash)), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await HashesAsync(user, cancellationToken)).Length;

    private async Task<IdentityResult> RefuseDuplicateAsync(AppUser user, Func<Task<IdentityResult>> save)
    {
        try
        {
            return await save();
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            Context.Entry(user).State = EntityState.Detached;
            return IdentityResult.Failed(ErrorDescriber.DuplicateUserName(user.UserName ?? ""));
        }
    }

    private async Task<string[]> HashesAsync(AppUser user, CancellationToken ct) =>
        (await GetTokenAsync(user, Provider, CodesName, ct) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);

    // Codes are random (about 40 bits); the account id keeps two accounts' equal codes apart.
    private static string Hash(AppUser user, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + ":" + code.Trim().ToUpperInvariant())));
}
