using System.Text;
using Market.Core.Media;

namespace Market.Tests.Unit.Media;

/// <summary>Uploads that must be refused, and refused without storing anything.</summary>
public sealed class PhotoLimitsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly PhotoPipeline pipeline;

    public PhotoLimitsTests()
    {
        pipeline = new PhotoPipeline(new FileSystemBlobStore(folder.Path));
    }

    public void Dispose()
    {
        pipeline.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Upload_OneByteOverFifteenMegabytes_IsTooLarge()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(new byte[PhotoPipeline.MaxBytes + 1]));

        result.RefusalKey.ShouldBe(PhotoRefusals.TooLarge);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_ExactlyFifteenMegabytes_PassesTheSizeCheck()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(new byte[PhotoPipeline.MaxBytes]));

        result.RefusalKey.ShouldBe(PhotoRefusals.NotAnImage);
    }

    [Fact]
    public async Task Upload_ThatNeverEnds_IsRefusedAfterReadingJustPastTheLimit()
    {
        var endless = new EndlessStream();

        var result = await pipeline.ProcessAsync(endless);

        result.RefusalKey.ShouldBe(PhotoRefusals.TooLarge);
        endless.BytesRead.ShouldBe(PhotoPipeline.MaxBytes + 1);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Png_ClaimingThirtyThousandSquared_IsRefusedFromItsHeader()
    {
        var bomb = TestImages.PngClaiming(30_000, 30_000);
        bomb.Length.ShouldBeLessThan(2_000);

        var result = await pipeline.ProcessAsync(new MemoryStream(bomb));

        result.RefusalKey.ShouldBe(PhotoRefusals.TooManyPixels);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Png_OnePixelOverFiftyMegapixels_IsTooManyPixels()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.PngClaiming(10_000, 5_001)));

        result.RefusalKey.ShouldBe(PhotoRefusals.TooManyPixels);
    }

    [Fact]
    public async Task Png_OfExactlyFiftyMegapixelsWithoutItsData_PassesThePixelCheckButIsTruncated()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.PngClaiming(10_000, 5_000)));

        result.RefusalKey.ShouldBe(PhotoRefusals.Truncated);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Jpeg_CutInHalf_IsTruncated()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        var result = await pipeline.ProcessAsync(new MemoryStream(jpeg[..(jpeg.Length / 2)]));

        result.RefusalKey.ShouldBe(PhotoRefusals.Truncated);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task TextFile_NamedAsJpeg_IsNotAnImage()
    {
        var text = Encoding.UTF8.GetBytes("Hola, esto no es una foto del producto.\n");

        var result = await pipeline.ProcessAsync(new MemoryStream(text));

        result.RefusalKey.ShouldBe(PhotoRefusals.NotAnImage);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Jpeg_CutWithinItsHeader_IsTruncated()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.Jpeg(800, 600)[..20]));

        result.RefusalKey.ShouldBe(PhotoRefusals.Truncated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("RIFF")]
    public async Task EmptyOrTinyUpload_IsNotAnImage(string text)
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        result.RefusalKey.ShouldBe(PhotoRefusals.NotAnImage);
    }

    [Fact]
    public async Task Gif_IsAnUnsupportedFormat()
    {
        var result = await pipeline.ProcessAsync(new MemoryStream(TestImages.Gif1x1));

        result.RefusalKey.ShouldBe(PhotoRefusals.UnsupportedFormat);
        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Avif_IsAnUnsupportedFormat()
    {
        byte[] avifHeader = [0, 0, 0, 0x1C, .. "ftypavif\0\0\0\0avifmif1miaf"u8, .. new byte[64]];

        var result = await pipeline.ProcessAsync(new MemoryStream(avifHeader));

        result.RefusalKey.ShouldBe(PhotoRefusals.UnsupportedFormat);
    }

    [Fact]
    public async Task Heic_CutShort_IsRefusedAndNothingStored()
    {
        var heic = TestImages.Heic;

        var result = await pipeline.ProcessAsync(new MemoryStream(heic[..(heic.Length - 40)]));

        result.IsStored.ShouldBeFalse();
        result.RefusalKey.ShouldBeOneOf(PhotoRefusals.Truncated, PhotoRefusals.NotAnImage);
        folder.FileNames().ShouldBeEmpty();
    }

    /// <summary>Zeros for ever, counting what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
