using System.Text.RegularExpressions;

namespace Market.Core;

/// <summary>Salvadoran numbers: +503 and eight digits, mobiles starting with 6 or 7, landlines with 2.</summary>
public static partial class PhoneNumber
{
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        // Only what people put between digits; "ana70001234@correo.sv" is an e-mail, not a phone.
        if (text is null || text.Length > 32 || !text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            return false;
        }
        var digits = new string((text ?? "").Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+503", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 11 && digits.StartsWith("503", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        normalized = Local().IsMatch(digits) ? "+503" + digits : "";
        return normalized.Length > 0;
    }

    [GeneratedRegex("^[267][0-9]{7}$")]
    private static partial Regex Local();
}
