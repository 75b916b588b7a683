using Microsoft.AspNetCore.StaticFiles;

namespace Market.Core.Media;

/// <summary>
/// Blobs as files in one folder. Files keep no content type, so it comes back from the name's extension;
/// <see cref="PutAsync"/> refuses a type that the extension would not give back, so both stores agree.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string root;

    public FileSystemBlobStore(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(this.root);
    }

    public async Task PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!string.Equals(ContentTypeOf(name), contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' would be read back as {ContentTypeOf(name)}, not {contentType}.", nameof(contentType));
        }
        // A reader never sees half a file: write beside it, then rename over it (atomic on one file system).
        var temporary = Path.Combine(root, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<BlobContent?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<BlobContent?>(new BlobContent(file, ContentTypeOf(name), file.Length));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<BlobContent?>(null);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(name)));

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    private string PathOf(string name)
    {
        BlobName.EnsureValid(name);
        return Path.Combine(root, name);
    }

    private static string ContentTypeOf(string name) =>
        ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
}
