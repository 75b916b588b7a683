using System.Buffers.Binary;
using SkiaSharp;

namespace Market.PhotoBench;

/// <summary>
/// A stand-in for a phone camera photo: 4032 × 3024 (12 MP), a scene of gradients and shapes with sensor-like noise
/// so the JPEG is as large as a real one (about 3.5 MB at quality 92), stored sideways with EXIF orientation 6.
/// </summary>
internal static class PhonePhoto
{
    public static byte[] Make()
    {
        const int width = 4032, height = 3024;
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(135, 206, 235), new SKColor(244, 164, 96), new SKColor(34, 139, 34)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = sky };
            canvas.DrawRect(0, 0, width, height, paint);
            var random = new Random(1);
            using var shape = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 400; i++)
            {
                shape.Color = new SKColor((uint)random.Next() | 0xFF000000);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, 200), shape);
            }
        }
        var pixels = bitmap.GetPixelSpan();
        var noise = new Random(2);
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + noise.Next(-12, 13), 0, 255);
            }
        }
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        return WithOrientation(jpeg.ToArray(), 6);
    }

    private static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] app1 = [0xFF, 0xE1, 0, 34, .. "Exif\0\0MM\0*"u8, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(28), orientation);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
