using Market.Core.Media;

namespace Market.Tests.Integration.Media;

public sealed class FileSystemPhotoStorageTests : PhotoStorageTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("market-blobs-").FullName;

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(folder));

    protected override Task<IReadOnlyList<string>> StoredNamesAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f))]);

    public override Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
