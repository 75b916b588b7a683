using System.Text;

namespace Market.Core.Catalog.Csv;

/// <summary>
/// Turns an uploaded file into text: UTF-8 with or without a byte-order mark, otherwise Windows-1252, which is
/// what Excel's plain "CSV" (not "CSV UTF-8") writes on a Spanish Windows; accents survive either way.
/// </summary>
public static class CsvText
{
    private const int Windows1252 = 1252;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(Windows1252)!.GetString(content);
        }
    }
}
