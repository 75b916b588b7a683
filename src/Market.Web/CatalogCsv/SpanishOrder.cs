using System.Globalization;

namespace Market.Web.CatalogCsv;

/// <summary>Names in the order a Spanish reader expects (Lácteos before Limpieza), which SQLite's binary order is not.</summary>
internal static class SpanishOrder
{
    public static readonly StringComparer Names = StringComparer.Create(new CultureInfo("es-SV"), ignoreCase: true);
}
