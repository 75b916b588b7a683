using Market.Core;
using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Market.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Accounts;

/// <summary>
/// One account per e-mail and per phone, checked on every save of an account (the unique indexes catch a race);
/// a phone is stored only as +503 and eight digits.
/// </summary>
internal sealed class UniqueIdentities(IStringLocalizer<Ui> text) : IUserValidator<AppUser>
{
    public const string PhoneInvalid = "PhoneInvalid";
    public const string DuplicatePhone = "DuplicatePhone";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var errors = new List<IdentityError>();
        if (user.PhoneNumber is { } phone)
        {
            if (!PhoneNumber.TryNormalize(phone, out var normalized) || normalized != phone)
            {
                errors.Add(Error(PhoneInvalid));
            }
            else if (await manager.Users.AnyAsync(u => u.PhoneNumber == phone && u.Id != user.Id))
            {
                errors.Add(Error(DuplicatePhone));
            }
        }
        if (user.Email is { } email && manager.NormalizeEmail(email) is { } normalizedEmail
            && await manager.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != user.Id))
        {
            errors.Add(manager.ErrorDescriber.DuplicateEmail(email));
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private IdentityError Error(string code) => new() { Code = code, Description = text["Identity." + code] };
}
