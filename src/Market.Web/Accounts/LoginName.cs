using Market.Core;

namespace Market.Web.Accounts;

/// <summary>What a person types to sign in, in one form: a phone as +503…, anything else trimmed and case-folded.</summary>
public static class LoginName
{
    public const int MaxLength = 256;

    public static string? Of(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxLength)
        {
            return null;
        }
        return PhoneNumber.TryNormalize(typed, out var phone) ? phone : typed.Trim().ToUpperInvariant();
    }
}
