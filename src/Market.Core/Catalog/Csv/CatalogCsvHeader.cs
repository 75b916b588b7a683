namespace Market.Core.Catalog.Csv;

/// <summary>
/// Where each catalog column is in one file. Columns may come in any order and their names are compared without
/// case or accents ("Categoría" is categoria); columns the catalog does not know are ignored.
/// </summary>
public sealed class CatalogCsvHeader
{
    private readonly int[] positions;

    private CatalogCsvHeader(int[] positions, int fieldCount)
    {
        this.positions = positions;
        FieldCount = fieldCount;
    }

    public int FieldCount { get; }

    /// <summary>A column's value, trimmed and with a spreadsheet's formula guard removed.</summary>
    public string this[CsvRecord record, CatalogColumn column] => CatalogCsvFormat.Unguard(record.Fields[positions[(int)column]].Trim());

    /// <summary>The row's SKU, or null when the row is too broken to say which column is which.</summary>
    public string? Sku(CsvRecord record) =>
        record.Malformed || record.Fields.Count != FieldCount ? null : this[record, CatalogColumn.Sku];

    public static CatalogCsvHeader? Read(CsvRecord header, ICollection<CsvProblem> problems)
    {
        if (header.Malformed)
        {
            problems.Add(new(header.Line, "CatalogCsv.BadQuotes", []));
            return null;
        }
        var positions = new int[CatalogCsvFormat.Columns.Count];
        Array.Fill(positions, -1);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var column = IndexOf(Slug.From(header.Fields[i]));
            if (column < 0)
            {
                continue;
            }
            if (positions[column] >= 0)
            {
                problems.Add(new(header.Line, "CatalogCsv.RepeatedColumn", [CatalogCsvFormat.Columns[column]]));
                return null;
            }
            positions[column] = i;
        }
        var missing = CatalogCsvFormat.Columns.Where((_, column) => positions[column] < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(header.Line, "CatalogCsv.MissingColumns", [string.Join(", ", missing), string.Join(",", CatalogCsvFormat.Columns)]));
            return null;
        }
        return new CatalogCsvHeader(positions, header.Fields.Count);
    }

    private static int IndexOf(string name) =>
        Enumerable.Range(0, CatalogCsvFormat.Columns.Count).FirstOrDefault(i => CatalogCsvFormat.Columns[i] == name, -1);
}
