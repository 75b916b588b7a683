using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Market.Tests.Unit.Media;

/// <summary>Images made in code: the left half one colour, the right half another, so orientation can be seen.</summary>
internal static class TestImages
{
    public static readonly SKColor Left = new(220, 40, 40);
    public static readonly SKColor Right = new(40, 40, 220);

    /// <summary>A 96 × 64 HEIC (red left half, blue right half), made with libheif's heif-enc: 397 bytes.</summary>
    public static byte[] Heic => Convert.FromBase64String(
        "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAUJtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAFmAAEAAAAAAAAAJwAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAwmlwcnAAAACkaXBjbwAAAHhodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbqSSmubgQEDAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGAAAABAAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAoMAAAAvbWRhdAAAACMoAa8ZgPd8hTf/9UYf9mSv+O4LtP/9ood6bsf30igB7HSv/g==");

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A JPEG with an EXIF block: the given orientation and a GPS position (13.6929 N, 89.2182 W, San Salvador).</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation)
    {
        var jpeg = Jpeg(width, height);
        var tiff = ExifTiff(orientation);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 10);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The bytes of the GPS latitude in the EXIF block above (13/1, 41/1, 3444/100), to look for in outputs.</summary>
    public static byte[] GpsLatitudeBytes => Rationals((13, 1), (41, 1), (3444, 100));

    /// <summary>A PNG whose header claims width × height over a few bytes of pixel data: a decompression bomb's shape.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }
        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    public static byte[] Gif1x1 => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>What metadata an output carries: JPEG APPn markers other than JFIF, or WebP chunks other than image data.</summary>
    public static IReadOnlyList<string> MetadataIn(byte[] file)
    {
        var found = new List<string>();
        if (file[0] == 0xFF && file[1] == 0xD8)
        {
            for (var at = 2; at + 4 <= file.Length && file[at] == 0xFF && file[at + 1] != 0xDA; at += 2 + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at + 2)))
            {
                if (file[at + 1] is >= 0xE1 and <= 0xEF or 0xFE)
                {
                    found.Add($"APP/COM 0x{file[at + 1]:X2}");
                }
            }
            return found;
        }
        for (var at = 12; at + 8 <= file.Length; at += 8 + ((BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at + 4)) + 1) & ~1))
        {
            var fourCc = Encoding.ASCII.GetString(file, at, 4);
            if (fourCc is not ("VP8 " or "VP8L" or "VP8X" or "ALPH"))
            {
                found.Add(fourCc);
            }
        }
        return found;
    }

    public static SKColor ColourAt(byte[] file, float x, float y)
    {
        using var bitmap = SKBitmap.Decode(file);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    public static bool IsClose(SKColor actual, SKColor expected) =>
        Math.Abs(actual.Red - expected.Red) < 40 && Math.Abs(actual.Green - expected.Green) < 40 && Math.Abs(actual.Blue - expected.Blue) < 40;

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = Left })
        {
            canvas.Clear(Right);
            canvas.DrawRect(0, 0, width / 2f, height, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] ExifTiff(ushort orientation)
    {
        var tiff = new byte[140];
        var s = tiff.AsSpan();
        "MM\0\x2A"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], 8);
        // IFD0: orientation, pointer to the GPS IFD
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], 2);
        Entry(s[10..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(s[22..], 0x8825, 4, 1, 38);
        // GPS IFD at 38: latitude N 13°41'34.44", longitude W 89°13'5.52"
        BinaryPrimitives.WriteUInt16BigEndian(s[38..], 4);
        Entry(s[40..], 0x0001, 2, 2, 0x4E00_0000);
        Entry(s[52..], 0x0002, 5, 3, 92);
        Entry(s[64..], 0x0003, 2, 2, 0x5700_0000);
        Entry(s[76..], 0x0004, 5, 3, 116);
        GpsLatitudeBytes.CopyTo(s[92..]);
        Rationals((89, 1), (13, 1), (552, 100)).CopyTo(s[116..]);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static byte[] Rationals(params (uint Numerator, uint Denominator)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8), values[i].Numerator);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8 + 4), values[i].Denominator);
        }
        return bytes;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
