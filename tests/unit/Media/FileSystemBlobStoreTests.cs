using System.Text;
using Market.Core.Media;

namespace Market.Tests.Unit.Media;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FileSystemBlobStore store;

    public FileSystemBlobStoreTests()
    {
        store = new FileSystemBlobStore(folder.Path);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Put_ThenOpen_GivesTheBytesTheTypeAndTheLength()
    {
        await store.PutAsync("abc-320.webp", new MemoryStream("RIFF"u8.ToArray()), "image/webp");

        await using var blob = await store.OpenAsync("abc-320.webp");

        blob.ShouldNotBeNull();
        blob.ContentType.ShouldBe("image/webp");
        blob.Length.ShouldBe(4);
        using var reader = new StreamReader(blob.Content, Encoding.ASCII);
        (await reader.ReadToEndAsync()).ShouldBe("RIFF");
    }

    [Fact]
    public async Task Put_SameName_ReplacesTheContentAndLeavesNoTemporaryFile()
    {
        await store.PutAsync("a.jpg", new MemoryStream([1, 2, 3]), "image/jpeg");
        await store.PutAsync("a.jpg", new MemoryStream([4, 5]), "image/jpeg");

        folder.FileNames().ShouldBe(["a.jpg"]);
        (await File.ReadAllBytesAsync(System.IO.Path.Combine(folder.Path, "a.jpg"))).ShouldBe([4, 5]);
    }

    [Fact]
    public async Task Put_ThatFailsHalfway_LeavesNothingBehind()
    {
        await Should.ThrowAsync<IOException>(() => store.PutAsync("a.jpg", new FailingStream(), "image/jpeg"));

        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_TypeThatTheNameWouldNotGiveBack_IsRefused()
    {
        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync("a.jpg", new MemoryStream([1]), "image/webp"));

        folder.FileNames().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("..")]
    [InlineData("sub/a.jpg")]
    [InlineData("sub\\a.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData(".hidden.jpg")]
    [InlineData("a..jpg")]
    [InlineData("")]
    public async Task Names_WithPathsOrDotDot_AreRefusedEverywhere(string name)
    {
        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(name, new MemoryStream([1]), "image/jpeg"));
        await Should.ThrowAsync<ArgumentException>(() => store.OpenAsync(name));
        await Should.ThrowAsync<ArgumentException>(() => store.ExistsAsync(name));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(name));
    }

    [Fact]
    public async Task Missing_IsNullOnOpen_FalseOnExists_AndFineToDelete()
    {
        (await store.OpenAsync("nothing.jpg")).ShouldBeNull();
        (await store.ExistsAsync("nothing.jpg")).ShouldBeFalse();
        await store.DeleteAsync("nothing.jpg");
    }

    [Fact]
    public async Task Delete_RemovesTheBlob()
    {
        await store.PutAsync("a.jpg", new MemoryStream([1]), "image/jpeg");
        (await store.ExistsAsync("a.jpg")).ShouldBeTrue();

        await store.DeleteAsync("a.jpg");

        (await store.ExistsAsync("a.jpg")).ShouldBeFalse();
    }

    private sealed class FailingStream : MemoryStream
    {
        private int reads;

        public FailingStream()
            : base(new byte[1024 * 1024])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++reads > 2 ? throw new IOException("connection reset") : base.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
