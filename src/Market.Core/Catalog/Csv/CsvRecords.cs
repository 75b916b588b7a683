using System.Text;

namespace Market.Core.Catalog.Csv;

/// <summary>One CSV record and the file line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool Malformed)
{
    public bool IsBlank => !Malformed && Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// RFC 4180 records with their line numbers, for files people edit by hand. Unlike the demo-data reader it
/// never throws: a record with broken quoting is returned as malformed so the file's other lines are still
/// checked and reported. A quote inside an unquoted field is kept as text (5" pulgadas), as spreadsheets do.
/// </summary>
public static class CsvRecords
{
    /// <summary>';' when the first line has more semicolons than commas (spreadsheets set to a Spanish list separator).</summary>
    public static char SniffSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
    }

    public static IEnumerable<CsvRecord> Read(string text, char separator)
    {
        var pos = 0;
        var line = 1;
        while (pos < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var malformed = false;
            var field = new StringBuilder();
            while (true)
            {
                field.Clear();
                if (pos < text.Length && text[pos] == '"')
                {
                    pos++;
                    var closed = false;
                    while (pos < text.Length)
                    {
                        var c = text[pos++];
                        if (c == '"')
                        {
                            if (pos < text.Length && text[pos] == '"')
                            {
                                field.Append('"');
                                pos++;
                                continue;
                            }
                            closed = true;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (pos == text.Length || text[pos] != '\n')))
                        {
                            line++;
                        }
                        field.Append(c);
                    }
                    malformed |= !closed;
                    while (pos < text.Length && !IsEndOfField(text[pos], separator))
                    {
                        malformed = true;
                        pos++;
                    }
                }
                else
                {
                    while (pos < text.Length && !IsEndOfField(text[pos], separator))
                    {
                        field.Append(text[pos++]);
                    }
                }
                fields.Add(field.ToString());
                if (pos < text.Length && text[pos] == separator)
                {
                    pos++;
                    continue;
                }
                break;
            }
            if (pos < text.Length)
            {
                pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                line++;
            }
            yield return new CsvRecord(start, fields, malformed);
        }
    }

    private static bool IsEndOfField(char c, char separator) => c == separator || c == '\r' || c == '\n';
}
