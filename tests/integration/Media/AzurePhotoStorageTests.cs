using Azure.Storage.Blobs;
using Market.Core.Media;
using Market.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Market.Tests.Integration.Media;

public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartNewAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The Azure store against Azurite; each test gets a container of its own, which the first upload creates.</summary>
public sealed class AzurePhotoStorageTests(AzuriteFixture azurite) : PhotoStorageTests, IClassFixture<AzuriteFixture>
{
    private readonly string containerName = "photos-" + Guid.NewGuid().ToString("N")[..12];

    private BlobContainerClient Container => new(azurite.Server.ConnectionString, containerName);

    protected override Task<IBlobStore> CreateStoreAsync() =>
        Task.FromResult<IBlobStore>(new AzureBlobStore(azurite.Server.ConnectionString, containerName));

    protected override async Task<IReadOnlyList<string>> StoredNamesAsync()
    {
        if (!await Container.ExistsAsync())
        {
            return [];
        }
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }
        return names;
    }

    [Fact]
    public async Task Renditions_AreServedWithALongImmutableCacheAndTheirContentType()
    {
        using var pipeline = new PhotoPipeline(Store);

        var photo = (await pipeline.ProcessAsync(new MemoryStream(SamplePhotos.Jpeg(1300, 900)))).Photo!;

        foreach (var name in photo.Names)
        {
            var properties = (await Container.GetBlobClient(name).GetPropertiesAsync()).Value;
            properties.CacheControl.ShouldBe("public,max-age=31536000,immutable", name);
            properties.ContentType.ShouldBe(name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", name);
        }
    }

    [Fact]
    public async Task AddMedia_WithTheAzureProvider_StoresPhotosInTheConfiguredContainer()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Blobs:Provider"] = "Azure",
            ["Blobs:AzureConnectionString"] = azurite.Server.ConnectionString,
            ["Blobs:Container"] = containerName,
        });
        builder.AddMedia();
        using var host = builder.Build();
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<PhotoPipeline>().ProcessAsync(new MemoryStream(SamplePhotos.Jpeg(640, 480)));

        host.Services.GetRequiredService<IBlobStore>().ShouldBeOfType<AzureBlobStore>();
        (await StoredNamesAsync()).Count.ShouldBe(4);
        result.Photo!.LargeWidth.ShouldBe(640);
        await host.StopAsync();
    }
}
