using System.Text.Json;
using System.Text.Json.Serialization;

namespace Market.Web.Api;

/// <summary>
/// PostgreSQL cannot store U+0000 in text, so a JSON string holding one would fail only when saved, as a 500. It is
/// refused while the body is read instead, which makes it a 400 that names the field.
/// </summary>
internal sealed class NoNullCharacters : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("A string holds U+0000.") : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
