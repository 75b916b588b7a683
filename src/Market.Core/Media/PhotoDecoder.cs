using SkiaSharp;

namespace Market.Core.Media;

/// <summary>JPEG, PNG and WebP through Skia; HEIC is handed to <see cref="HeicDecoder"/>.</summary>
internal static class PhotoDecoder
{
    /// <summary>
    /// Reads the header first and refuses an image of more than <paramref name="maxPixels"/> before any pixel is
    /// decoded. A JPEG is decoded straight at the smallest scale libjpeg offers that still covers
    /// <paramref name="longestNeeded"/>, which saves most of the time and memory of a phone photo.
    /// </summary>
    public static DecodedPhoto? Decode(ArraySegment<byte> upload, long maxPixels, int longestNeeded, out string? refusalKey)
    {
        switch (HeifBrand.Of(upload))
        {
            case HeifKind.Heic:
                return HeicDecoder.Decode(upload, maxPixels, longestNeeded, out refusalKey);
            case HeifKind.Other:
                refusalKey = PhotoRefusals.UnsupportedFormat;
                return null;
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var opened);
        if (codec is null)
        {
            refusalKey = opened == SKCodecResult.IncompleteInput && StartsLikeAnImage(upload) ? PhotoRefusals.Truncated : PhotoRefusals.NotAnImage;
            return null;
        }
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            refusalKey = PhotoRefusals.UnsupportedFormat;
            return null;
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > maxPixels)
        {
            refusalKey = PhotoRefusals.TooManyPixels;
            return null;
        }

        var size = ScaledSize(codec, longestNeeded);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var pixels = new SKBitmap(info);
        var decoded = codec.GetPixels(info, pixels.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            pixels.Dispose();
            refusalKey = decoded is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput ? PhotoRefusals.Truncated : PhotoRefusals.NotAnImage;
            return null;
        }
        pixels.SetImmutable();
        refusalKey = null;
        return new DecodedPhoto(pixels, codec.EncodedOrigin);
    }

    /// <summary>Skia calls any file shorter than its longest signature incomplete, a few letters of text included.</summary>
    private static bool StartsLikeAnImage(ReadOnlySpan<byte> file) =>
        file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || (file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8));

    private static SKSizeI ScaledSize(SKCodec codec, int longestNeeded)
    {
        // The codec answers with the nearest scale it supports, which may fall short: ask from the smallest up.
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) >= longestNeeded)
            {
                return size;
            }
        }
        return codec.Info.Size;
    }
}
