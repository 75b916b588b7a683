using System.Buffers.Binary;

namespace Market.Core.Media;

internal enum HeifKind
{
    None,
    Heic,
    Other,
}

/// <summary>Tells HEIC (HEVC inside HEIF, what phones write) from other HEIF files such as AVIF, by the ftyp box.</summary>
internal static class HeifBrand
{
    private static readonly string[] HevcBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx"];

    public static HeifKind Of(ReadOnlySpan<byte> file)
    {
        if (file.Length < 16 || !file[4..8].SequenceEqual("ftyp"u8))
        {
            return HeifKind.None;
        }
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(file), (uint)file.Length);
        var brands = new List<string> { Brand(file[8..12]) };
        for (var at = 16; at + 4 <= boxSize; at += 4)
        {
            brands.Add(Brand(file.Slice(at, 4)));
        }
        if (brands.Exists(b => HevcBrands.Contains(b)))
        {
            return HeifKind.Heic;
        }
        return brands.Exists(b => b is "mif1" or "msf1" or "avif" or "avis") ? HeifKind.Other : HeifKind.None;
    }

    private static string Brand(ReadOnlySpan<byte> fourBytes) => System.Text.Encoding.ASCII.GetString(fourBytes);
}
