using System.Diagnostics.CodeAnalysis;

namespace Market.Core.Media;

/// <summary>Either the stored renditions or the message key of why the upload was refused (nothing stored then).</summary>
public sealed record PhotoResult
{
    private PhotoResult(PhotoRenditions? photo, string? refusalKey)
    {
        Photo = photo;
        RefusalKey = refusalKey;
    }

    public PhotoRenditions? Photo { get; }

    public string? RefusalKey { get; }

    [MemberNotNullWhen(true, nameof(Photo))]
    [MemberNotNullWhen(false, nameof(RefusalKey))]
    public bool IsStored => Photo is not null;

    public static PhotoResult Stored(PhotoRenditions photo) => new(photo, null);

    public static PhotoResult Refused(string key) => new(null, key);
}
