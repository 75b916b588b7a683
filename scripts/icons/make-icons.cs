#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
#:property PublishAot=false

// Draws the app's icons into src/Market.Web/wwwroot: a market stall (striped awning over a counter) in the
// header's green. Run from the repository root: dotnet run scripts/icons/make-icons.cs
using SkiaSharp;

var root = Path.Combine(Directory.GetCurrentDirectory(), "src", "Market.Web", "wwwroot");
Directory.CreateDirectory(Path.Combine(root, "icons"));

File.WriteAllBytes(Path.Combine(root, "icons", "icon-192.png"), Png(192, maskable: false));
File.WriteAllBytes(Path.Combine(root, "icons", "icon-512.png"), Png(512, maskable: false));
File.WriteAllBytes(Path.Combine(root, "icons", "icon-maskable-512.png"), Png(512, maskable: true));
File.WriteAllBytes(Path.Combine(root, "apple-touch-icon.png"), Png(180, maskable: true));
File.WriteAllBytes(Path.Combine(root, "favicon.ico"), Ico([16, 32, 48]));

static byte[] Png(int size, bool maskable)
{
    using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    Draw(surface.Canvas, size, maskable);
    using var image = surface.Snapshot();
    using var data = image.Encode(SKEncodedImageFormat.Png, 100);
    return data.ToArray();
}

// A maskable icon fills the square (the system cuts its own shape); the others are a rounded square.
static void Draw(SKCanvas canvas, float size, bool maskable)
{
    canvas.Clear(SKColors.Transparent);
    var green = new SKColor(0x0b, 0x6e, 0x4f);
    using var fill = new SKPaint { IsAntialias = true, Color = green };
    if (maskable)
    {
        canvas.DrawRect(0, 0, size, size, fill);
    }
    else
    {
        canvas.DrawRoundRect(0, 0, size, size, size * .2f, size * .2f, fill);
    }
    var u = size / 16f;
    var inset = maskable ? 2.2f * u : 1.5f * u;
    var width = size - 2 * inset;
    using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
    using var orange = new SKPaint { IsAntialias = true, Color = new SKColor(0xf5, 0xa6, 0x23) };
    // The awning: five stripes, each ending in a scallop.
    var top = inset + .5f * u;
    var stripe = width / 5;
    for (var i = 0; i < 5; i++)
    {
        var paint = i % 2 == 0 ? white : orange;
        var left = inset + i * stripe;
        canvas.DrawRect(left, top, stripe, 3.2f * u, paint);
        canvas.DrawCircle(left + stripe / 2, top + 3.2f * u, stripe / 2, paint);
    }
    // The posts and the counter.
    var counterTop = size - inset - 3.8f * u;
    canvas.DrawRect(inset + .4f * u, top + 3.2f * u, 1.1f * u, counterTop - top - 3.2f * u, white);
    canvas.DrawRect(size - inset - 1.5f * u, top + 3.2f * u, 1.1f * u, counterTop - top - 3.2f * u, white);
    canvas.DrawRoundRect(inset, counterTop, width, 3.3f * u, .6f * u, .6f * u, white);
}

// An .ico whose images are PNGs, which every browser of the last decade reads.
static byte[] Ico(int[] sizes)
{
    var images = sizes.Select(s => Png(s, maskable: false)).ToArray();
    using var stream = new MemoryStream();
    using var writer = new BinaryWriter(stream);
    writer.Write((short)0);
    writer.Write((short)1);
    writer.Write((short)images.Length);
    var offset = 6 + 16 * images.Length;
    for (var i = 0; i < images.Length; i++)
    {
        writer.Write((byte)sizes[i]);
        writer.Write((byte)sizes[i]);
        writer.Write((byte)0);
        writer.Write((byte)0);
        writer.Write((short)1);
        writer.Write((short)32);
        writer.Write(images[i].Length);
        writer.Write(offset);
        offset += images[i].Length;
    }
    foreach (var image in images)
    {
        writer.Write(image);
    }
    writer.Flush();
    return stream.ToArray();
}
