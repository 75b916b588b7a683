using SkiaSharp;

namespace Market.Core.Media;

/// <summary>
/// Clean illustrations for the demo data: a product on its category's colour with the category's symbol and the
/// product's name, and a shop's initials on a colour. The same input draws the same picture.
/// </summary>
internal static class DemoPhoto
{
    public const int Width = 1200;
    public const int Height = 900;
    public const int LogoSize = 320;

    private static readonly (SKColor Colour, Symbol Symbol) Other = (new(0x4A, 0x5A, 0x68), Symbol.Basket);

    private static readonly Dictionary<string, (SKColor Colour, Symbol Symbol)> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["canasta básica"] = (new(0xB5, 0x4A, 0x32), Symbol.Basket),
        ["frutas y verduras"] = (new(0x2E, 0x7D, 0x32), Symbol.Fruit),
        ["lácteos"] = (new(0x2F, 0x6F, 0x9F), Symbol.Carton),
        ["panadería"] = (new(0x9A, 0x62, 0x1C), Symbol.Bread),
        ["pupusas y comida"] = (new(0xC0, 0x5A, 0x12), Symbol.Pupusa),
        ["bebidas"] = (new(0x16, 0x7B, 0x8C), Symbol.Bottle),
        ["café y bebidas"] = (new(0x6B, 0x42, 0x26), Symbol.Cup),
        ["carnes y embutidos"] = (new(0x9B, 0x2C, 0x36), Symbol.Meat),
        ["pescados"] = (new(0x1F, 0x5F, 0xA8), Symbol.Fish),
        ["limpieza"] = (new(0x4C, 0x55, 0xB8), Symbol.Bubbles),
        ["dulces típicos"] = (new(0xB0, 0x3A, 0x6E), Symbol.Candy),
        ["artesanías"] = (new(0x8A, 0x4B, 0x2A), Symbol.Pot),
        ["plantas y flores"] = (new(0x4F, 0x7A, 0x1F), Symbol.Flower),
        ["ropa y textiles"] = (new(0x6E, 0x3F, 0x8C), Symbol.Shirt),
        ["reciclados y economía circular"] = (new(0x23, 0x74, 0x52), Symbol.Recycle),
    };

    private static readonly SKColor[] LogoColours =
    [
        new(0x0B, 0x6E, 0x4F), new(0xB5, 0x4A, 0x32), new(0x2F, 0x6F, 0x9F), new(0x6E, 0x3F, 0x8C),
        new(0x9A, 0x62, 0x1C), new(0xB0, 0x3A, 0x6E), new(0x16, 0x7B, 0x8C), new(0x4F, 0x7A, 0x1F),
        new(0x9B, 0x2C, 0x36), new(0x4C, 0x55, 0xB8), new(0x8A, 0x4B, 0x2A), new(0x23, 0x74, 0x52),
    ];

    private static readonly Lazy<SKTypeface?> Bold = new(FindBoldFont);

    private enum Symbol
    {
        Basket, Fruit, Carton, Bread, Pupusa, Bottle, Cup, Meat, Fish, Bubbles, Candy, Pot, Flower, Shirt, Recycle,
    }

    /// <summary>The background of every demo product photo of that category.</summary>
    public static SKColor ColourOf(string category) => Categories.GetValueOrDefault(category, Other).Colour;

    public static SKBitmap Product(string name, string category)
    {
        var (colour, symbol) = Categories.GetValueOrDefault(category, Other);
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var disc = new SKPaint { Color = Mix(colour, SKColors.White, 0.22f), IsAntialias = true };
        using var ink = new SKPaint { Color = colour, IsAntialias = true };
        canvas.Clear(colour);
        canvas.DrawCircle(Width / 2f, 330, 250, disc);
        Draw(canvas, symbol, new SKPoint(Width / 2f, 330), white, ink);
        Caption(canvas, name, white);
        bitmap.SetImmutable();
        return bitmap;
    }

    public static SKBitmap Logo(string shopName, int colour)
    {
        var bitmap = new SKBitmap(new SKImageInfo(LogoSize, LogoSize, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.Clear(LogoColours[colour % LogoColours.Length]);
        if (Bold.Value is { } typeface)
        {
            using var font = new SKFont(typeface, 150);
            var initials = Initials(shopName);
            canvas.DrawText(initials, LogoSize / 2f, LogoSize / 2f + 52, SKTextAlign.Center, font, white);
        }
        else
        {
            white.Style = SKPaintStyle.Stroke;
            white.StrokeWidth = 18;
            canvas.DrawCircle(LogoSize / 2f, LogoSize / 2f, 100, white);
        }
        bitmap.SetImmutable();
        return bitmap;
    }

    /// <summary>
    /// The first letters of the last two words that start with a capital: the shop's own name after its kind
    /// ("Tienda Doña Tere" → "DT", "Frutas del Valle" → "FV").
    /// </summary>
    internal static string Initials(string name)
    {
        var capitals = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).ToList();
        var letters = capitals.Skip(Math.Max(0, capitals.Count - 2)).Select(w => char.ToUpperInvariant(w[0])).ToArray();
        return letters.Length > 0 ? new string(letters) : name[..1].ToUpperInvariant();
    }

    /// <summary>
    /// A bold sans-serif from the machine's font files (DejaVu on Debian, fonts-dejavu-core in the Docker image).
    /// Skia is built here without fontconfig, so fonts are found as files; without any, pictures carry no text.
    /// </summary>
    private static SKTypeface? FindBoldFont()
    {
        string[] known =
        [
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        ];
        var path = known.FirstOrDefault(File.Exists)
            ?? (Directory.Exists("/usr/share/fonts")
                ? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
                : null);
        return path is null ? null : SKTypeface.FromFile(path);
    }

    /// <summary>The name centred under the symbol, on up to two lines, shrunk until it fits.</summary>
    private static void Caption(SKCanvas canvas, string name, SKPaint paint)
    {
        if (Bold.Value is not { } typeface)
        {
            return;
        }
        const float maxWidth = Width - 120;
        for (var size = 96f; size >= 40; size -= 8)
        {
            using var font = new SKFont(typeface, size);
            var lines = Wrap(name, font, maxWidth);
            if (lines.Count <= 2 && lines.TrueForAll(l => font.MeasureText(l) <= maxWidth))
            {
                var baseline = lines.Count == 1 ? 745 + size / 3 : 700 + size / 3;
                foreach (var line in lines)
                {
                    canvas.DrawText(line, Width / 2f, baseline, SKTextAlign.Center, font, paint);
                    baseline += size * 1.15f;
                }
                return;
            }
        }
    }

    private static List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(longer) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }
        lines.Add(line);
        return lines;
    }

    private static void Draw(SKCanvas canvas, Symbol symbol, SKPoint c, SKPaint fill, SKPaint ink)
    {
        var (x, y) = (c.X, c.Y);
        using var stroke = new SKPaint { Color = fill.Color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 26, StrokeCap = SKStrokeCap.Round };
        switch (symbol)
        {
            case Symbol.Basket:
                canvas.DrawArc(new SKRect(x - 130, y - 170, x + 130, y + 90), 180, 180, false, stroke);
                FillPolygon(canvas, fill, (x - 190, y - 20), (x + 190, y - 20), (x + 140, y + 170), (x - 140, y + 170));
                canvas.DrawRect(x - 190, y + 40, 380, 14, ink);
                canvas.DrawRect(x - 175, y + 100, 350, 14, ink);
                break;
            case Symbol.Fruit:
                canvas.DrawCircle(x, y + 30, 150, fill);
                canvas.DrawRect(x - 10, y - 170, 20, 70, fill);
                canvas.Save();
                canvas.RotateDegrees(-30, x + 60, y - 140);
                canvas.DrawOval(x + 60, y - 140, 60, 28, fill);
                canvas.Restore();
                break;
            case Symbol.Carton:
                canvas.DrawRect(x - 110, y - 60, 220, 260, fill);
                FillPolygon(canvas, fill, (x - 110, y - 60), (x - 70, y - 150), (x + 70, y - 150), (x + 110, y - 60));
                canvas.DrawRect(x - 40, y - 185, 80, 40, fill);
                canvas.DrawCircle(x, y + 80, 50, ink);
                break;
            case Symbol.Bread:
                canvas.DrawRoundRect(new SKRect(x - 220, y - 100, x + 220, y + 120), 110, 110, fill);
                using (var score = new SKPaint { Color = ink.Color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 18, StrokeCap = SKStrokeCap.Round })
                {
                    for (var i = -1; i <= 1; i++)
                    {
                        canvas.DrawLine(x + i * 110 - 40, y + 50, x + i * 110 + 40, y - 30, score);
                    }
                }
                break;
            case Symbol.Pupusa:
                canvas.DrawOval(x, y + 30, 220, 130, fill);
                foreach (var (dx, dy) in new[] { (-110, 0), (-20, 60), (70, -10), (140, 60), (-60, -60), (40, 100) })
                {
                    canvas.DrawCircle(x + dx, y + 30 + dy, 16, ink);
                }
                break;
            case Symbol.Bottle:
                canvas.DrawRoundRect(new SKRect(x - 85, y - 40, x + 85, y + 210), 40, 40, fill);
                canvas.DrawRect(x - 35, y - 150, 70, 130, fill);
                canvas.DrawRect(x - 45, y - 190, 90, 40, fill);
                canvas.DrawRect(x - 85, y + 50, 170, 60, ink);
                break;
            case Symbol.Cup:
                canvas.DrawRoundRect(new SKRect(x - 150, y - 30, x + 90, y + 190), 30, 30, fill);
                canvas.DrawCircle(x + 115, y + 70, 60, stroke);
                for (var i = -1; i <= 1; i++)
                {
                    canvas.DrawLine(x - 30 + i * 70, y - 160, x - 30 + i * 70, y - 80, stroke);
                }
                break;
            case Symbol.Meat:
                canvas.DrawOval(x - 40, y + 20, 170, 130, fill);
                canvas.DrawRect(x + 100, y - 5, 110, 50, fill);
                canvas.DrawCircle(x + 215, y - 10, 32, fill);
                canvas.DrawCircle(x + 215, y + 60, 32, fill);
                canvas.DrawCircle(x - 60, y + 20, 45, ink);
                break;
            case Symbol.Fish:
                canvas.DrawOval(x - 40, y + 30, 180, 110, fill);
                FillPolygon(canvas, fill, (x + 110, y + 30), (x + 230, y - 80), (x + 230, y + 140));
                canvas.DrawCircle(x - 130, y + 5, 20, ink);
                break;
            case Symbol.Bubbles:
                canvas.DrawCircle(x - 60, y + 50, 120, stroke);
                canvas.DrawCircle(x + 120, y - 70, 75, stroke);
                canvas.DrawCircle(x + 110, y + 150, 45, stroke);
                canvas.DrawCircle(x - 100, y + 10, 25, fill);
                break;
            case Symbol.Candy:
                canvas.DrawCircle(x, y + 20, 110, fill);
                FillPolygon(canvas, fill, (x - 100, y + 20), (x - 230, y - 70), (x - 230, y + 110));
                FillPolygon(canvas, fill, (x + 100, y + 20), (x + 230, y - 70), (x + 230, y + 110));
                canvas.DrawCircle(x, y + 20, 45, ink);
                break;
            case Symbol.Pot:
                canvas.DrawCircle(x, y + 70, 150, fill);
                canvas.DrawRect(x - 70, y - 140, 140, 100, fill);
                canvas.DrawRect(x - 110, y - 175, 220, 40, fill);
                canvas.DrawRect(x - 150, y + 50, 300, 18, ink);
                break;
            case Symbol.Flower:
                canvas.DrawRect(x - 10, y + 60, 20, 170, fill);
                for (var i = 0; i < 6; i++)
                {
                    var angle = i * Math.PI / 3;
                    canvas.DrawCircle(x + (float)(Math.Cos(angle) * 100), y - 20 + (float)(Math.Sin(angle) * 100), 65, fill);
                }
                canvas.DrawCircle(x, y - 20, 55, ink);
                break;
            case Symbol.Shirt:
                FillPolygon(canvas, fill, (x - 80, y - 160), (x - 220, y - 80), (x - 170, y + 10), (x - 120, y - 20), (x - 120, y + 200),
                    (x + 120, y + 200), (x + 120, y - 20), (x + 170, y + 10), (x + 220, y - 80), (x + 80, y - 160), (x + 40, y - 120), (x - 40, y - 120));
                break;
            default:
                for (var i = 0; i < 3; i++)
                {
                    var start = i * 120f;
                    canvas.DrawArc(new SKRect(x - 160, y - 140, x + 160, y + 180), start + 15, 85, false, stroke);
                    var tip = (start + 110) * MathF.PI / 180;
                    var (tx, ty) = (x + 160 * MathF.Cos(tip), y + 20 + 160 * MathF.Sin(tip));
                    var (nx, ny) = (MathF.Cos(tip), MathF.Sin(tip));
                    var (ax, ay) = (-ny, nx);
                    FillPolygon(canvas, fill, (tx + 45 * nx, ty + 45 * ny), (tx - 45 * nx, ty - 45 * ny), (tx + 50 * ax, ty + 50 * ay));
                }
                break;
        }
    }

    private static void FillPolygon(SKCanvas canvas, SKPaint paint, params (float X, float Y)[] points)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly([.. points.Select(p => new SKPoint(p.X, p.Y))], close: true);
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static SKColor Mix(SKColor a, SKColor b, float amount) => new(
        (byte)(a.Red + (b.Red - a.Red) * amount), (byte)(a.Green + (b.Green - a.Green) * amount), (byte)(a.Blue + (b.Blue - a.Blue) * amount));
}
