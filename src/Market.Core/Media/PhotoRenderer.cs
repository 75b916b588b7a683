using SkiaSharp;

namespace Market.Core.Media;

internal static class PhotoRenderer
{
    /// <summary>
    /// The source turned upright, shrunk so its longest side is at most <paramref name="longest"/> (never enlarged),
    /// on white: JPEG has no transparency and both formats of a rendition must look the same.
    /// The result carries no colour profile: the source was decoded to sRGB, the web's default.
    /// </summary>
    public static SKBitmap Render(SKBitmap source, SKEncodedOrigin origin, int longest)
    {
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = sideways ? (source.Height, source.Width) : (source.Width, source.Height);
        var (width, height) = Fit(uprightWidth, uprightHeight, longest);
        var (drawWidth, drawHeight) = sideways ? (height, width) : (width, height);

        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Upright(origin, width, height));
        canvas.DrawImage(image, SKRect.Create(drawWidth, drawHeight), Sampling((float)drawWidth / source.Width));
        canvas.Flush();
        target.SetImmutable();
        return target;
    }

    public static byte[] Encode(SKBitmap rendition, PhotoFormat format)
    {
        using var pixels = rendition.PeekPixels();
        using var encoded = format == PhotoFormat.Webp
            ? pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80))
            : pixels.Encode(new SKJpegEncoderOptions(82, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded?.ToArray() ?? throw new InvalidOperationException($"Skia could not encode {format}.");
    }

    private static (int Width, int Height) Fit(int width, int height, int longest)
    {
        if (Math.Max(width, height) <= longest)
        {
            return (width, height);
        }
        return width >= height
            ? (longest, Math.Max(1, (int)Math.Round((double)height * longest / width)))
            : (Math.Max(1, (int)Math.Round((double)width * longest / height)), longest);
    }

    /// <summary>
    /// At 1:1 (a photo already small enough, maybe turned a quarter) pixels land on pixels and are copied as they are.
    /// Mitchell cubic is sharp but only looks at a few source pixels, so it aliases when shrinking more than 2×;
    /// there trilinear mipmaps (averaged halvings) do better.
    /// </summary>
    private static SKSamplingOptions Sampling(float scale) => scale switch
    {
        >= 1f => new SKSamplingOptions(SKFilterMode.Nearest),
        >= 0.5f => new SKSamplingOptions(SKCubicResampler.Mitchell),
        _ => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
    };

    /// <summary>Maps the stored pixels onto the upright width × height (Skia's SkEncodedOriginToMatrix).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
