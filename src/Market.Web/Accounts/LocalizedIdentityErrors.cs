using Market.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Market.Web.Accounts;

/// <summary>Identity's refusals in the resident's language, from the resource files ("Identity.{Code}").</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<Ui> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));
    // The length is PasswordRules.MinimumLength, written in the text itself: every refusal reads without arguments.
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort));

    private IdentityError Error(string code) => new() { Code = code, Description = text["Identity." + code] };
}
