using System.Globalization;

namespace Market.Core;

/// <summary>Names in the order a Spanish reader expects ("Lácteos" before "Limpieza", "Ñ" after "N"), which ordinal order is not.</summary>
public static class SpanishOrder
{
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("es-SV"), ignoreCase: true);
}
