namespace Market.Core.Media;

/// <summary>Message keys (Ui.resx) for the reasons a photo is refused.</summary>
public static class PhotoRefusals
{
    public const string TooLarge = "Photo.TooLarge";
    public const string TooManyPixels = "Photo.TooManyPixels";
    public const string NotAnImage = "Photo.NotAnImage";
    public const string Truncated = "Photo.Truncated";
    public const string UnsupportedFormat = "Photo.UnsupportedFormat";
}
