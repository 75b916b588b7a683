using SkiaSharp;

namespace Market.Core.Media;

/// <summary>A plain coloured picture with a simple pattern, the same for the same seed, for demo products.</summary>
internal static class DemoPhoto
{
    private const int Width = 1200;
    private const int Height = 900;

    private static readonly SKColor[] Colours =
    [
        new(0xE7, 0x6F, 0x51), new(0xF4, 0xA2, 0x61), new(0xE9, 0xC4, 0x6A), new(0x2A, 0x9D, 0x8F),
        new(0x26, 0x46, 0x53), new(0x8A, 0xB1, 0x7D), new(0xB5, 0x65, 0x76), new(0x6D, 0x59, 0x7A),
    ];

    public static byte[] Png(int seed)
    {
        var random = new Random(seed);
        var background = Colours[random.Next(Colours.Length)];
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = Lighter(background), IsAntialias = true })
        {
            canvas.Clear(background);
            var step = random.Next(90, 180);
            switch (random.Next(3))
            {
                case 0:
                    canvas.RotateDegrees(-30, Width / 2f, Height / 2f);
                    for (var x = -Width; x < 2 * Width; x += step)
                    {
                        canvas.DrawRect(x, -Height, step / 2f, 3 * Height, paint);
                    }
                    break;
                case 1:
                    for (var y = step / 2; y < Height; y += step)
                    {
                        for (var x = step / 2; x < Width; x += step)
                        {
                            canvas.DrawCircle(x, y, step / 4f, paint);
                        }
                    }
                    break;
                default:
                    for (var y = 0; y < Height; y += step)
                    {
                        for (var x = (y / step % 2) * step; x < Width; x += 2 * step)
                        {
                            canvas.DrawRect(x, y, step, step, paint);
                        }
                    }
                    break;
            }
        }
        using var pixels = bitmap.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6));
        return png?.ToArray() ?? throw new InvalidOperationException("Skia could not encode PNG.");
    }

    private static SKColor Lighter(SKColor colour) =>
        new((byte)((colour.Red + 255) / 2), (byte)((colour.Green + 255) / 2), (byte)((colour.Blue + 255) / 2));
}
