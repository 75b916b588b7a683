using System.Globalization;
using System.Text;

namespace Market.Core.Catalog.Csv;

public enum CatalogColumn
{
    Sku,
    Name,
    Description,
    Category,
    Unit,
    Price,
    Stock,
    Active,
    Local,
}

/// <summary>The catalog CSV: its columns (in <see cref="CatalogColumn"/> order) and how a catalog is written.</summary>
public static class CatalogCsvFormat
{
    public static readonly IReadOnlyList<string> Columns =
        ["sku", "nombre", "descripcion", "categoria", "unidad", "precio", "existencias", "activo", "local"];

    public const string Yes = "si";
    public const string No = "no";

    /// <summary>
    /// UTF-8 with a byte-order mark, or Excel reads it as ANSI and mangles the accents; comma separated,
    /// CRLF line ends, quotes only where a field needs them.
    /// </summary>
    public static byte[] Write(IEnumerable<CatalogLine> lines)
    {
        var text = new StringBuilder();
        AppendRecord(text, Columns);
        foreach (var l in lines)
        {
            AppendRecord(text,
            [
                Guard(l.Sku), Guard(l.Name), Guard(l.Description), Guard(l.Category.Name), Guard(l.Unit),
                l.Price.ToPlainString(),
                l.Stock?.ToString(CultureInfo.InvariantCulture) ?? "",
                l.IsActive ? Yes : No, l.IsLocal ? Yes : No,
            ]);
        }
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>"Tienda Doña Tere" → "catalogo-tienda-dona-tere.csv".</summary>
    public static string FileName(string shopName) =>
        Slug.From(shopName) is { Length: > 0 } slug ? $"catalogo-{slug}.csv" : "catalogo.csv";

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection), so such text is written
    /// behind an apostrophe, which <see cref="Unguard"/> removes again on import.
    /// </summary>
    public static string Guard(string? text) =>
        text is { Length: > 0 } && IsFormulaStart(text[0]) ? "'" + text : text ?? "";

    public static string Unguard(string text) =>
        text.Length > 1 && text[0] == '\'' && IsFormulaStart(text[1]) ? text[1..] : text;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static void AppendRecord(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",;\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }
        text.Append("\r\n");
    }
}
