using System.Security.Cryptography;
using System.Text;
using Market.Core.Media;

namespace Market.Tests.Integration.Media;

/// <summary>The photo pipeline against a real store: what an upload leaves behind, and that a refusal leaves nothing.</summary>
public abstract class PhotoStorageTests : IAsyncLifetime
{
    protected IBlobStore Store { get; private set; } = null!;

    protected abstract Task<IBlobStore> CreateStoreAsync();

    protected abstract Task<IReadOnlyList<string>> StoredNamesAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SameUploadTwice_ReplacesTheSameFourRenditions()
    {
        using var pipeline = new PhotoPipeline(Store);
        var upload = SamplePhotos.Jpeg(900, 900);

        var first = await pipeline.ProcessAsync(new MemoryStream(upload));
        var second = await pipeline.ProcessAsync(new MemoryStream(upload));

        second.Photo.ShouldBe(first.Photo);
        (await StoredNamesAsync()).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Upload_LeavesFourRenditionsWithTheirContentTypes()
    {
        using var pipeline = new PhotoPipeline(Store);
        var upload = SamplePhotos.Jpeg(2000, 1500);

        var result = await pipeline.ProcessAsync(new MemoryStream(upload));

        result.Photo.ShouldBe(new PhotoRenditions(Convert.ToHexStringLower(SHA256.HashData(upload))[..32], 320, 240, 1200, 900));
        (await StoredNamesAsync()).Order(StringComparer.Ordinal).ShouldBe(result.Photo!.Names.Order(StringComparer.Ordinal));
        foreach (var (name, type) in result.Photo.Names.Zip(["image/webp", "image/jpeg", "image/webp", "image/jpeg"]))
        {
            await using var blob = await Store.OpenAsync(name);
            blob.ShouldNotBeNull(name);
            blob.ContentType.ShouldBe(type, name);
            blob.Length.ShouldBeGreaterThan(500, name);
            using var copy = new MemoryStream();
            await blob.Content.CopyToAsync(copy);
            copy.Length.ShouldBe(blob.Length, name);
        }
    }

    [Fact]
    public async Task MalformedPhotos_AreRefusedAndNothingIsStored()
    {
        using var pipeline = new PhotoPipeline(Store);
        var jpeg = SamplePhotos.Jpeg(1000, 800);

        (await pipeline.ProcessAsync(new MemoryStream(jpeg[..(jpeg.Length * 2 / 3)]))).RefusalKey.ShouldBe(PhotoRefusals.Truncated);
        (await pipeline.ProcessAsync(new MemoryStream(Encoding.UTF8.GetBytes("precio: $1.25, libra")))).RefusalKey.ShouldBe(PhotoRefusals.NotAnImage);

        (await StoredNamesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OversizedPhoto_IsRefusedAndNothingIsStored()
    {
        using var pipeline = new PhotoPipeline(Store);
        // A real JPEG start, padded past the limit: refused for its size before anything looks at the pixels.
        var oversized = new byte[PhotoPipeline.MaxBytes + 1];
        SamplePhotos.Jpeg(400, 300).CopyTo(oversized, 0);

        var result = await pipeline.ProcessAsync(new MemoryStream(oversized));

        result.RefusalKey.ShouldBe(PhotoRefusals.TooLarge);
        (await StoredNamesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Blob_CanBeCheckedAndDeleted_AndMissingOnesAreNotErrors()
    {
        await Store.PutAsync("abc-320.jpg", new MemoryStream([0xFF, 0xD8, 0xFF]), "image/jpeg");

        (await Store.ExistsAsync("abc-320.jpg")).ShouldBeTrue();
        await Store.DeleteAsync("abc-320.jpg");
        (await Store.ExistsAsync("abc-320.jpg")).ShouldBeFalse();
        (await Store.OpenAsync("abc-320.jpg")).ShouldBeNull();
        await Store.DeleteAsync("abc-320.jpg");
        (await StoredNamesAsync()).ShouldBeEmpty();
    }
}
