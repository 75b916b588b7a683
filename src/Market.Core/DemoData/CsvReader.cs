using System.Text;

namespace Market.Core.DemoData;

/// <summary>
/// Reads RFC 4180 CSV with a header line: fields in double quotes may hold commas, line breaks and
/// doubled quotes. Blank lines are skipped. Malformed input throws, since these files are ours to fix.
/// </summary>
internal static class CsvReader
{
    public static IReadOnlyList<CsvRow> Read(TextReader reader)
    {
        using var records = Records(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new FormatException("The CSV text has no header line.");
        }
        var header = records.Current;
        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var rows = new List<CsvRow>();
        while (records.MoveNext())
        {
            if (records.Current.Count != header.Count)
            {
                throw new FormatException($"CSV record {rows.Count + 1} has {records.Current.Count} fields; the header has {header.Count}.");
            }
            rows.Add(new CsvRow(columns, records.Current));
        }
        return rows;
    }

    private static IEnumerable<List<string>> Records(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var closedQuote = false;

        void EndField()
        {
            record.Add(field.ToString());
            field.Clear();
            closedQuote = false;
        }

        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append((char)reader.Read());
                }
                else
                {
                    inQuotes = false;
                    closedQuote = true;
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }
                    if (record.Count > 0 || field.Length > 0 || closedQuote)
                    {
                        EndField();
                        yield return record;
                        record = [];
                    }
                    break;
                case '"' when field.Length == 0 && !closedQuote:
                    inQuotes = true;
                    break;
                default:
                    if (closedQuote || c == '"')
                    {
                        throw new FormatException("A CSV field has a quote that is neither around the whole field nor doubled.");
                    }
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes)
        {
            throw new FormatException("A quoted CSV field is not closed.");
        }
        if (record.Count > 0 || field.Length > 0 || closedQuote)
        {
            EndField();
            yield return record;
        }
    }
}
