using Microsoft.Extensions.Localization;

namespace Market.Web.Resources;

/// <summary>
/// Counted text: a key has a ".One" and an ".Other" form in each language ("1 resultado", "0 resultados", "2 resultados").
/// Spanish and English both use the singular for exactly one.
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer<Ui> text, string key, long count, params object[] more) =>
        text[key + (count == 1 ? ".One" : ".Other"), [count, .. more]];
}
