using SkiaSharp;

namespace Market.Core.Media;

/// <summary>Decoded pixels in sRGB, and how they must be turned to stand upright.</summary>
internal sealed class DecodedPhoto(SKBitmap pixels, SKEncodedOrigin origin) : IDisposable
{
    public SKBitmap Pixels { get; } = pixels;

    public SKEncodedOrigin Origin { get; } = origin;

    public void Dispose() => Pixels.Dispose();
}
