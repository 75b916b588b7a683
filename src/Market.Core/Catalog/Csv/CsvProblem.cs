using System.Text.Json;

namespace Market.Core.Catalog.Csv;

/// <summary>
/// One reason a CSV file is not applied: the file's line (the header is line 1; 0 for a note about the whole
/// list) and a message key with its arguments, translated when shown.
/// </summary>
public sealed record CsvProblem(int Line, string MessageKey, IReadOnlyList<string> Args)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IEnumerable<CsvProblem> problems) => JsonSerializer.Serialize(problems, Json);

    public static IReadOnlyList<CsvProblem> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<CsvProblem>>(json, Json) ?? [];
}
