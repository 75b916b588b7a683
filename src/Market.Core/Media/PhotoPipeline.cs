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
        var prepared = await PrepareAsync(upload, cancellationToken);
        return prepared.IsReady ? PhotoResult.Stored(await StoreAsync(prepared, cancellationToken)) : PhotoResult.Refused(prepared.RefusalKey!);
    }

    /// <summary>
    /// Checks and renders an upload in memory without storing anything, so a form with several photos can refuse
    /// them all before any is kept; <see cref="StoreAsync"/> then writes the renditions.
    /// </summary>
    public async Task<PreparedPhoto> PrepareAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        if (await BoundedUpload.ReadAsync(upload, MaxBytes, cancellationToken) is not { } original)
        {
            return PreparedPhoto.Refused(PhotoRefusals.TooLarge);
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
        return rendered is null ? PreparedPhoto.Refused(refusalKey!) : new PreparedPhoto(hash, rendered, null);
    }

    public async Task<PhotoRenditions> StoreAsync(PreparedPhoto prepared, CancellationToken cancellationToken = default)
    {
        var rendered = prepared.Rendered ?? throw new InvalidOperationException($"A refused photo cannot be stored: {prepared.RefusalKey}.");
        foreach (var (size, format, bytes) in rendered.Files)
        {
            using var content = new MemoryStream(bytes, writable: false);
            await store.PutAsync(PhotoRenditions.Name(prepared.Hash, size, format), content, PhotoRenditions.ContentType(format), cancellationToken);
        }
        return new PhotoRenditions(prepared.Hash, rendered.ThumbWidth, rendered.ThumbHeight, rendered.LargeWidth, rendered.LargeHeight);
    }

    /// <summary>A demo product's illustration (its name, its category's colour and symbol), stored like any upload.</summary>
    public Task<PhotoRenditions> CreateDemoAsync(string productName, string category, CancellationToken cancellationToken = default) =>
        StoreDrawnAsync(() => DemoPhoto.Product(productName, category), cancellationToken);

    /// <summary>A demo shop's logo: its initials on the colour of that number (shops in a row get different ones).</summary>
    public Task<PhotoRenditions> CreateDemoLogoAsync(string shopName, int colour, CancellationToken cancellationToken = default) =>
        StoreDrawnAsync(() => DemoPhoto.Logo(shopName, colour), cancellationToken);

    public void Dispose() => decoding.Dispose();

    /// <summary>
    /// A picture drawn here is rendered straight from its pixels: encoding it to PNG only to decode it again
    /// was most of a demo photo's time. Its name is the hash of its large JPEG, content all the same.
    /// </summary>
    private async Task<PhotoRenditions> StoreDrawnAsync(Func<SKBitmap> draw, CancellationToken cancellationToken)
    {
        await decoding.WaitAsync(cancellationToken);
        Rendered rendered;
        try
        {
            using var drawn = draw();
            rendered = Render(drawn, SKEncodedOrigin.TopLeft);
        }
        finally
        {
            decoding.Release();
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(rendered.Files[^1].Bytes))[..32];
        return await StoreAsync(new PreparedPhoto(hash, rendered, null), cancellationToken);
    }

    private static Rendered? Render(ArraySegment<byte> original, out string? refusalKey)
    {
        using var decoded = PhotoDecoder.Decode(original, MaxPixels, PhotoRenditions.LargeSize, out refusalKey);
        return decoded is null ? null : Render(decoded.Pixels, decoded.Origin);
    }

    private static Rendered Render(SKBitmap pixels, SKEncodedOrigin origin)
    {
        using var large = PhotoRenderer.Render(pixels, origin, PhotoRenditions.LargeSize);
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

    internal sealed record Rendered(
        IReadOnlyList<(int Size, PhotoFormat Format, byte[] Bytes)> Files, int ThumbWidth, int ThumbHeight, int LargeWidth, int LargeHeight);
}

/// <summary>An upload checked and rendered in memory, not stored yet; or the message key of why it was refused.</summary>
public sealed class PreparedPhoto
{
    internal PreparedPhoto(string hash, PhotoPipeline.Rendered? rendered, string? refusalKey)
    {
        Hash = hash;
        Rendered = rendered;
        RefusalKey = refusalKey;
    }

    internal string Hash { get; }

    internal PhotoPipeline.Rendered? Rendered { get; }

    public string? RefusalKey { get; }

    public bool IsReady => Rendered is not null;

    internal static PreparedPhoto Refused(string key) => new("", null, key);
}
