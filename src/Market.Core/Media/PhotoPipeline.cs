using System.Security.Cryptography;
using SkiaSharp;

namespace Market.Core.Media;

/// <summary>
/// Turns an untrusted upload into four renditions in the blob store — thumbnail and large, each as WebP and JPEG,
/// upright, without any metadata — or refuses it and stores nothing.
/// </summary>
public sealed class PhotoPipeline(IBlobStore store) : IDisposable
{
    public const int MaxBytes = 15 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;

    // A 50-megapixel PNG takes 200 MB decoded: more decodes at once than cores makes none faster and only risks memory.
    private readonly SemaphoreSlim decoding = new(Environment.ProcessorCount);

    public async Task<PhotoResult> ProcessAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        if (await BoundedUpload.ReadAsync(upload, MaxBytes, cancellationToken) is not { } original)
        {
            return PhotoResult.Refused(PhotoRefusals.TooLarge);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(original))[..32];

        await decoding.WaitAsync(cancellationToken);
        Rendered? rendered;
        string? refusalKey;
        try
        {
            rendered = Render(original, out refusalKey);
        }
        finally
        {
            decoding.Release();
        }
        if (rendered is null)
        {
            return PhotoResult.Refused(refusalKey!);
        }

        foreach (var (size, format, bytes) in rendered.Files)
        {
            using var content = new MemoryStream(bytes, writable: false);
            await store.PutAsync(PhotoRenditions.Name(hash, size, format), content, PhotoRenditions.ContentType(format), cancellationToken);
        }
        return PhotoResult.Stored(new PhotoRenditions(hash, rendered.ThumbWidth, rendered.ThumbHeight, rendered.LargeWidth, rendered.LargeHeight));
    }

    /// <summary>A generated picture for a demo product, stored like any upload; the same seed gives the same photo.</summary>
    public async Task<PhotoRenditions> CreateDemoAsync(int seed, CancellationToken cancellationToken = default)
    {
        using var png = new MemoryStream(DemoPhoto.Png(seed), writable: false);
        var result = await ProcessAsync(png, cancellationToken);
        return result.Photo ?? throw new InvalidOperationException($"The demo photo was refused: {result.RefusalKey}.");
    }

    public void Dispose() => decoding.Dispose();

    private static Rendered? Render(ArraySegment<byte> original, out string? refusalKey)
    {
        using var decoded = PhotoDecoder.Decode(original, MaxPixels, PhotoRenditions.LargeSize, out refusalKey);
        if (decoded is null)
        {
            return null;
        }
        using var large = PhotoRenderer.Render(decoded.Pixels, decoded.Origin, PhotoRenditions.LargeSize);
        using var thumb = PhotoRenderer.Render(large, SKEncodedOrigin.TopLeft, PhotoRenditions.ThumbSize);
        return new Rendered(
            [
                (PhotoRenditions.ThumbSize, PhotoFormat.Webp, PhotoRenderer.Encode(thumb, PhotoFormat.Webp)),
                (PhotoRenditions.ThumbSize, PhotoFormat.Jpeg, PhotoRenderer.Encode(thumb, PhotoFormat.Jpeg)),
                (PhotoRenditions.LargeSize, PhotoFormat.Webp, PhotoRenderer.Encode(large, PhotoFormat.Webp)),
                (PhotoRenditions.LargeSize, PhotoFormat.Jpeg, PhotoRenderer.Encode(large, PhotoFormat.Jpeg)),
            ],
            thumb.Width, thumb.Height, large.Width, large.Height);
    }

    private sealed record Rendered(
        IReadOnlyList<(int Size, PhotoFormat Format, byte[] Bytes)> Files, int ThumbWidth, int ThumbHeight, int LargeWidth, int LargeHeight);
}
