using System.Security.Cryptography;
using Market.Core.Media;

namespace Market.Tests.Unit.Media;

public sealed class PhotoPipelineTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FileSystemBlobStore store;
    private readonly PhotoPipeline pipeline;

    public PhotoPipelineTests()
    {
        store = new FileSystemBlobStore(folder.Path);
        pipeline = new PhotoPipeline(store);
    }

    public void Dispose()
    {
        pipeline.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Jpeg_IsStoredAsFourRenditionsNamedByTheHashOfTheUpload()
    {
        var upload = TestImages.Jpeg(1600, 1000);
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload))[..32];

        var result = await pipeline.ProcessAsync(new MemoryStream(upload));

        result.IsStored.ShouldBeTrue();
        result.Photo.ShouldBe(new PhotoRenditions(hash, 320, 200, 1200, 750));
        folder.FileNames().ShouldBe([$"{hash}-1200.jpg", $"{hash}-1200.webp", $"{hash}-320.jpg", $"{hash}-320.webp"]);
        result.Photo.Names.ShouldBe([$"{hash}-320.webp", $"{hash}-320.jpg", $"{hash}-1200.webp", $"{hash}-1200.jpg"]);
    }

    [Fact]
    public async Task Renditions_AreRealWebpAndJpegOfTheStatedSizes()
    {
        var photo = (await pipeline.ProcessAsync(new MemoryStream(TestImages.Png(900, 1800)))).Photo!;

        await using var thumbWebp = (await store.OpenAsync(PhotoRenditions.Name(photo.Hash, 320, PhotoFormat.Webp)))!;
        await using var largeJpeg = (await store.OpenAsync(PhotoRenditions.Name(photo.Hash, 1200, PhotoFormat.Jpeg)))!;

        thumbWebp.ContentType.ShouldBe("image/webp");
        largeJpeg.ContentType.ShouldBe("image/jpeg");
        using var thumb = SkiaSharp.SKCodec.Create(thumbWebp.Content);
        thumb.EncodedFormat.ShouldBe(SkiaSharp.SKEncodedImageFormat.Webp);
        (thumb.Info.Width, thumb.Info.Height).ShouldBe((160, 320));
        using var large = SkiaSharp.SKCodec.Create(largeJpeg.Content);
        large.EncodedFormat.ShouldBe(SkiaSharp.SKEncodedImageFormat.Jpeg);
        (large.Info.Width, large.Info.Height).ShouldBe((600, 1200));
    }

    [Fact]
    public async Task SameUploadTwice_GivesTheSameNamesAndNoMoreFiles()
    {
        var upload = TestImages.Webp(700, 500);

        var first = await pipeline.ProcessAsync(new MemoryStream(upload));
        var second = await pipeline.ProcessAsync(new MemoryStream(upload));

        second.Photo.ShouldBe(first.Photo);
        folder.FileNames().Count.ShouldBe(4);
    }

    [Fact]
    public async Task DifferentUploads_GetDifferentNames()
    {
        var a = await pipeline.ProcessAsync(new MemoryStream(TestImages.Jpeg(700, 500)));
        var b = await pipeline.ProcessAsync(new MemoryStream(TestImages.Jpeg(701, 500)));

        b.Photo!.Hash.ShouldNotBe(a.Photo!.Hash);
        folder.FileNames().Count.ShouldBe(8);
    }

    [Fact]
    public async Task SmallPhoto_IsNeverEnlarged()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.Png(200, 100)));

        result.Photo.ShouldNotBeNull();
        (result.Photo.LargeWidth, result.Photo.LargeHeight).ShouldBe((200, 100));
        (result.Photo.ThumbWidth, result.Photo.ThumbHeight).ShouldBe((200, 100));
    }

    [Fact]
    public async Task MediumPhoto_KeepsItsSizeAsLargeAndShrinksForTheThumbnail()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.Jpeg(800, 400)));

        (result.Photo!.LargeWidth, result.Photo.LargeHeight).ShouldBe((800, 400));
        (result.Photo.ThumbWidth, result.Photo.ThumbHeight).ShouldBe((320, 160));
    }

    [Fact]
    public async Task ExifOrientation6_ComesOutTurnedUpright()
    {
        // Stored 1600 × 800 with the red half on the left; orientation 6 means "turn 90° clockwise to view".
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.JpegWithExif(1600, 800, orientation: 6)));

        (result.Photo!.LargeWidth, result.Photo.LargeHeight).ShouldBe((600, 1200));
        (result.Photo.ThumbWidth, result.Photo.ThumbHeight).ShouldBe((160, 320));
        foreach (var name in result.Photo.Names)
        {
            var bytes = await ReadAsync(name);
            TestImages.IsClose(TestImages.ColourAt(bytes, 0.5f, 0.1f), TestImages.Left).ShouldBeTrue($"top of {name}");
            TestImages.IsClose(TestImages.ColourAt(bytes, 0.5f, 0.9f), TestImages.Right).ShouldBeTrue($"bottom of {name}");
        }
    }

    [Fact]
    public async Task ExifOrientation3_ComesOutUpsideDownCorrected()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.JpegWithExif(800, 400, orientation: 3)));

        (result.Photo!.LargeWidth, result.Photo.LargeHeight).ShouldBe((800, 400));
        var large = await ReadAsync(result.Photo.Names[2]);
        TestImages.IsClose(TestImages.ColourAt(large, 0.1f, 0.5f), TestImages.Right).ShouldBeTrue();
        TestImages.IsClose(TestImages.ColourAt(large, 0.9f, 0.5f), TestImages.Left).ShouldBeTrue();
    }

    [Fact]
    public async Task GpsAndAllOtherMetadata_AreGoneFromEveryRendition()
    {
        var upload = TestImages.JpegWithExif(1600, 1200, orientation: 1);
        upload.AsSpan().IndexOf(TestImages.GpsLatitudeBytes).ShouldBeGreaterThan(0, "the upload carries the GPS position");

        var result = await pipeline.ProcessAsync(new MemoryStream(upload));

        foreach (var name in result.Photo!.Names)
        {
            var bytes = await ReadAsync(name);
            TestImages.MetadataIn(bytes).ShouldBeEmpty(name);
            bytes.AsSpan().IndexOf(TestImages.GpsLatitudeBytes).ShouldBe(-1, name);
            bytes.AsSpan().IndexOf("Exif"u8).ShouldBe(-1, name);
        }
    }

    [Fact]
    public async Task Heic_IsDecodedIntoTheSameRenditions()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.Heic));

        result.Photo.ShouldNotBeNull();
        (result.Photo.LargeWidth, result.Photo.LargeHeight).ShouldBe((96, 64));
        folder.FileNames().Count.ShouldBe(4);
        var thumb = await ReadAsync(result.Photo.Names[0]);
        TestImages.IsClose(TestImages.ColourAt(thumb, 0.1f, 0.5f), TestImages.Left).ShouldBeTrue();
        TestImages.IsClose(TestImages.ColourAt(thumb, 0.9f, 0.5f), TestImages.Right).ShouldBeTrue();
    }

    [Fact]
    public async Task DemoPhoto_IsTheSameForTheSameProductAndDiffersBetweenProducts()
    {
        var first = await pipeline.CreateDemoAsync("Arroz blanco", "canasta básica");
        var again = await pipeline.CreateDemoAsync("Arroz blanco", "canasta básica");
        var other = await pipeline.CreateDemoAsync("Frijol rojo de seda", "canasta básica");

        again.ShouldBe(first);
        other.Hash.ShouldNotBe(first.Hash);
        (first.LargeWidth, first.LargeHeight, first.ThumbWidth, first.ThumbHeight).ShouldBe((1200, 900, 320, 240));
        folder.FileNames().Count.ShouldBe(8);
    }

    private async Task<byte[]> ReadAsync(string name)
    {
        await using var blob = (await store.OpenAsync(name))!;
        using var copy = new MemoryStream();
        await blob.Content.CopyToAsync(copy);
        return copy.ToArray();
    }
}
