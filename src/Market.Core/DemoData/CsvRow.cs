namespace Market.Core.DemoData;

/// <summary>One CSV record whose fields are looked up by the header's column names.</summary>
internal sealed class CsvRow(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public string this[string column] =>
        columns.TryGetValue(column, out var index)
            ? fields[index]
            : throw new KeyNotFoundException($"The CSV file has no column '{column}'.");
}
