using System.Globalization;
using System.Text;
using Market.Core.Accounts;
using Market.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Market.Web.Accounts.Passwords;

/// <summary>
/// NIST SP 800-63B: long enough (Identity checks the length), no rules about kinds of characters, and not a password
/// that attackers try first: a known common one (also with digits or symbols around it), one made of few characters,
/// or one built from the person's own phone, e-mail or the name of this service.
/// </summary>
public sealed class PasswordRules(IStringLocalizer<Ui> text) : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 10;
    public const string Common = "PasswordCommon";
    public const string Repetitive = "PasswordRepetitive";
    public const string Personal = "PasswordPersonal";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);
    private static readonly string[] ServiceWords = ["mercadocercano", "mercado cercano"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Check(password ?? "", user) is { } code
            ? IdentityResult.Failed(new IdentityError { Code = code, Description = text["Identity." + code] })
            : IdentityResult.Success);

    /// <summary>The refusal's code, or null when the password may be used.</summary>
    public static string? Check(string password, AppUser? user = null)
    {
        var folded = Fold(password);
        if (folded.Distinct().Count() < 4)
        {
            return Repetitive;
        }
        var core = folded.Trim(" 0123456789!¡?¿.,;:-_*#$%&/()=+@'\"".ToCharArray());
        if (CommonPasswords.Value.Contains(folded) || CommonPasswords.Value.Contains(core) || CommonPasswords.Value.Contains(core.Replace(" ", "", StringComparison.Ordinal)))
        {
            return Common;
        }
        return PersonalWords(user).Any(w => folded.Contains(w, StringComparison.Ordinal)) ? Personal : null;
    }

    private static IEnumerable<string> PersonalWords(AppUser? user)
    {
        foreach (var word in ServiceWords)
        {
            yield return word;
        }
        if (user?.PhoneNumber is { Length: > 8 } phone)
        {
            yield return phone[^8..];
        }
        if (user?.Email is { } email && email.Split('@')[0] is { Length: >= 4 } local)
        {
            yield return Fold(local);
        }
    }

    /// <summary>Lower case without accents, so "Contraseña" and "contrasena" are one password.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }

    private static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (string[])["common-passwords.txt", "common-passwords-es.txt"])
        {
            using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Passwords." + name)
                ?? throw new InvalidOperationException($"The password list {name} is not embedded.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    set.Add(Fold(line));
                }
            }
        }
        return set;
    }
}
