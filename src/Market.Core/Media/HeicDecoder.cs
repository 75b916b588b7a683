using ImageMagick;
using SkiaSharp;

namespace Market.Core.Media;

/// <summary>
/// HEIC through Magick.NET (libheif with libde265), the only maintained .NET decoder of it here; Skia and libvips
/// as packaged have no HEVC decoder. The format is fixed to HEIC so no other ImageMagick coder ever sees an upload.
/// </summary>
internal static class HeicDecoder
{
    public static DecodedPhoto? Decode(ArraySegment<byte> upload, long maxPixels, int longestNeeded, out string? refusalKey)
    {
        var heic = new MagickReadSettings { Format = MagickFormat.Heic };
        try
        {
            var header = new MagickImageInfo(upload.Array!, (uint)upload.Offset, (uint)upload.Count, heic);
            if ((long)header.Width * header.Height > maxPixels)
            {
                refusalKey = PhotoRefusals.TooManyPixels;
                return null;
            }
            using var image = new MagickImage(upload.Array!, (uint)upload.Offset, (uint)upload.Count, heic);
            image.AutoOrient();
            if (image.GetColorProfile() is not null)
            {
                image.TransformColorSpace(ColorProfiles.SRGB);
            }
            // Shrinking here keeps the exported pixels small; the renditions are made from these as from any decode.
            image.Resize(new MagickGeometry((uint)longestNeeded, (uint)longestNeeded) { Greater = true });
            refusalKey = null;
            return new DecodedPhoto(ToBitmap(image), SKEncodedOrigin.TopLeft);
        }
        catch (MagickCorruptImageErrorException)
        {
            refusalKey = PhotoRefusals.Truncated;
            return null;
        }
        catch (MagickException)
        {
            refusalKey = PhotoRefusals.NotAnImage;
            return null;
        }
    }

    private static SKBitmap ToBitmap(MagickImage image)
    {
        using var pixels = image.GetPixelsUnsafe();
        var rgba = pixels.ToByteArray(PixelMapping.RGBA) ?? throw new InvalidOperationException("Magick.NET gave no pixels.");
        var bitmap = new SKBitmap(new SKImageInfo((int)image.Width, (int)image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        bitmap.SetImmutable();
        return bitmap;
    }
}
