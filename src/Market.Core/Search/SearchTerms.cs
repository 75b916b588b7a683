using System.Globalization;
using System.Text;

namespace Market.Core.Search;

/// <summary>
/// What a resident typed, reduced to the words both databases index: lower case, no accents ("Piña" → "pina"),
/// each word cut to a simple Spanish singular and matched as a prefix, so "tortilla" finds "Tortillas",
/// "tomates" finds "Tomate" and "cafe" finds "Café".
/// </summary>
public sealed class SearchTerms
{
    private const int MaxTerms = 6;

    private SearchTerms(IReadOnlyList<string> stems) => Stems = stems;

    public IReadOnlyList<string> Stems { get; }

    public bool IsEmpty => Stems.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        var folded = Fold(text ?? "");
        var separators = folded.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct().ToArray();
        var words = folded.Split(separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(Singular)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        return new SearchTerms(words);
    }

    /// <summary>FTS5: every term a prefix, in the name only / in name or category / anywhere.</summary>
    public (string Name, string NameOrCategory, string Anywhere) ForSqlite()
    {
        var all = string.Join(' ', Stems.Select(s => s + "*"));
        return ($"{{Name}} : ({all})", $"{{Name Category}} : ({all})", all);
    }

    /// <summary>tsquery: weight A is the name, B the category (see SearchIndexSql.PostgresUp).</summary>
    public (string Name, string NameOrCategory, string Anywhere) ForPostgres() =>
        (Join(":*A"), Join(":*AB"), Join(":*"));

    private string Join(string suffix) => string.Join(" & ", Stems.Select(s => s + suffix));

    /// <summary>Lower case without diacritics; anything but ASCII letters and digits then splits words.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString();
    }

    /// <summary>"tortillas" → "tortilla", "frijoles" → "frijol", "limones" → "limon"; short words stay.</summary>
    private static string Singular(string word) =>
        word switch
        {
            { Length: > 4 } when word.EndsWith("es", StringComparison.Ordinal) && !IsVowel(word[^3]) => word[..^2],
            { Length: > 3 } when word.EndsWith('s') => word[..^1],
            _ => word,
        };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
