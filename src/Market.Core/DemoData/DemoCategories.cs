using System.Globalization;
using System.Text;
using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>The categories are the distinct "categoria" values of productos-demo.csv, in file order.</summary>
internal static class DemoCategories
{
    public static Dictionary<string, Category> From(IEnumerable<ProductRow> products) =>
        products
            .Select(p => p.Category)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, c => new Category { Name = Capitalize(c), Slug = Slug(c) }, StringComparer.Ordinal);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>"Reciclados y economía circular" → "reciclados-y-economia-circular": accents dropped, ASCII only.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c == '-') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
