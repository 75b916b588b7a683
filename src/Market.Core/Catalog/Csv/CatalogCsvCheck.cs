using System.Globalization;

namespace Market.Core.Catalog.Csv;

/// <summary>
/// Checks an uploaded catalog file a slice at a time, so whoever runs it can report progress between slices.
/// The file is applied only when <see cref="Problems"/> is empty: one bad row refuses the whole file.
/// </summary>
public sealed class CatalogCsvCheck
{
    public const int MaxRows = 10_000;

    /// <summary>Beyond this, problems are counted but not listed: nobody reads a thousand of them.</summary>
    public const int MaxListedProblems = 500;

    private readonly CatalogCsvHeader? header;
    private readonly IReadOnlyList<CsvRecord> rows;
    private readonly CatalogRowRules rules;
    private readonly List<CsvProblem> problems = [];
    private readonly List<CatalogLine> lines = [];
    private readonly Dictionary<string, int> skuLines = new(StringComparer.Ordinal);
    private int unlisted;

    private CatalogCsvCheck(CatalogCsvHeader? header, IReadOnlyList<CsvRecord> rows, CatalogRowRules rules)
    {
        this.header = header;
        this.rows = rows;
        this.rules = rules;
    }

    public int TotalRows => rows.Count;
    public int Checked { get; private set; }
    public bool Done => Checked == rows.Count;

    /// <summary>The rows that passed, in file order.</summary>
    public IReadOnlyList<CatalogLine> Lines => lines;

    public IReadOnlyList<CsvProblem> Problems =>
        unlisted == 0 ? problems : [.. problems, new CsvProblem(0, "CatalogCsv.MoreProblems", [unlisted.ToString(CultureInfo.InvariantCulture)])];

    /// <summary>Reads the file and its header; problems of the file as a whole are known at once and leave no rows to check.</summary>
    public static CatalogCsvCheck Start(ReadOnlySpan<byte> content, IEnumerable<Category> categories)
    {
        var rules = new CatalogRowRules(categories);
        var text = CsvText.Decode(content);
        var records = CsvRecords.Read(text, CsvRecords.SniffSeparator(text)).Where(r => !r.IsBlank).ToList();
        var check = new CatalogCsvCheck(null, [], rules);
        if (records.Count == 0)
        {
            check.problems.Add(new(1, "CatalogCsv.Empty", []));
            return check;
        }
        var header = CatalogCsvHeader.Read(records[0], check.problems);
        if (header is null)
        {
            return check;
        }
        if (records.Count == 1)
        {
            check.problems.Add(new(records[0].Line, "CatalogCsv.NoRows", []));
            return check;
        }
        if (records.Count - 1 > MaxRows)
        {
            check.problems.Add(new(records[0].Line, "CatalogCsv.TooManyRows", [Number(records.Count - 1), Number(MaxRows)]));
            return check;
        }
        return new CatalogCsvCheck(header, records[1..], rules);
    }

    public void CheckNext(int count)
    {
        var found = new List<CsvProblem>();
        for (var end = Math.Min(rows.Count, Checked + count); Checked < end; Checked++)
        {
            var row = rows[Checked];
            found.Clear();
            var line = rules.Check(header!, row, found);
            // Repeats are found even when the first row has other problems: both lines need fixing.
            if (header!.Sku(row) is { Length: > 0 } sku && !skuLines.TryAdd(sku, row.Line))
            {
                found.Add(new(row.Line, "CatalogCsv.SkuRepeated", [sku, Number(skuLines[sku])]));
                line = null;
            }
            if (line is not null)
            {
                lines.Add(line);
            }
            var room = Math.Max(0, MaxListedProblems - problems.Count);
            problems.AddRange(found.Take(room));
            unlisted += Math.Max(0, found.Count - room);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
