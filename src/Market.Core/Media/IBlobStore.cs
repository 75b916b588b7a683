namespace Market.Core.Media;

/// <summary>Where photo renditions are kept: the file system by default, Azure Blob Storage in production.</summary>
public interface IBlobStore
{
    /// <summary>Stores the content under <paramref name="name"/>, replacing what was there.</summary>
    Task PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The stored content, or null when there is none under that name. The caller disposes it.</summary>
    Task<BlobContent?> OpenAsync(string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob; a name with nothing stored is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);
}

public sealed record BlobContent(Stream Content, string ContentType, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
