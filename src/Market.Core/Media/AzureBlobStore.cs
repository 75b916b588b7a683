using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Market.Core.Media;

/// <summary>Blobs in one Azure Blob Storage container (Azurite in tests), created on the first upload if missing.</summary>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>Every name is a content hash, so what is under a name never changes.</summary>
    public const string CacheControl = "public,max-age=31536000,immutable";

    private readonly BlobContainerClient container;
    private volatile bool containerExists;

    public AzureBlobStore(string connectionString, string containerName)
    {
        container = new BlobContainerClient(connectionString, containerName);
    }

    public async Task PutAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(name);
        if (!containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerExists = true;
        }
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = CacheControl },
        }, cancellationToken);
    }

    public async Task<BlobContent?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(name);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = download.Value.Details;
            return new BlobContent(download.Value.Content, details.ContentType, details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        await BlobOf(name).ExistsAsync(cancellationToken);

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await BlobOf(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private BlobClient BlobOf(string name)
    {
        BlobName.EnsureValid(name);
        return container.GetBlobClient(name);
    }
}
