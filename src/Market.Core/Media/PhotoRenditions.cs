namespace Market.Core.Media;

public enum PhotoFormat
{
    Webp,
    Jpeg,
}

/// <summary>The four stored renditions of one uploaded photo, found by <see cref="Hash"/>.</summary>
public sealed record PhotoRenditions(string Hash, int ThumbWidth, int ThumbHeight, int LargeWidth, int LargeHeight)
{
    /// <summary>Longest side of the thumbnail, in pixels.</summary>
    public const int ThumbSize = 320;

    /// <summary>Longest side of the large rendition, in pixels.</summary>
    public const int LargeSize = 1200;

    public IReadOnlyList<string> Names =>
    [
        Name(Hash, ThumbSize, PhotoFormat.Webp),
        Name(Hash, ThumbSize, PhotoFormat.Jpeg),
        Name(Hash, LargeSize, PhotoFormat.Webp),
        Name(Hash, LargeSize, PhotoFormat.Jpeg),
    ];

    /// <summary>The blob name of one rendition, e.g. <c>{hash}-320.webp</c>.</summary>
    public static string Name(string hash, int size, PhotoFormat format) =>
        $"{hash}-{size}.{(format == PhotoFormat.Webp ? "webp" : "jpg")}";

    public static string ContentType(PhotoFormat format) => format == PhotoFormat.Webp ? "image/webp" : "image/jpeg";
}
