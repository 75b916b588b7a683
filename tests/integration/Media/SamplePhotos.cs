using SkiaSharp;

namespace Market.Tests.Integration.Media;

internal static class SamplePhotos
{
    /// <summary>A JPEG with some detail, so its renditions are real work for the encoders.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(240, 200, 120));
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)(i * 6), (byte)(255 - i * 5), (byte)(i * 3 + 60));
                canvas.DrawCircle(i * width / 40f, (i * 37 % 100) * height / 100f, width / 12f, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
