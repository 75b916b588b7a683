using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Market.Core.Media;

public static class MediaExtensions
{
    /// <summary>The blob store chosen by Blobs:Provider (file system or Azure) and the photo pipeline that writes to it.</summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BlobOptions>()
            .BindConfiguration(BlobOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider != BlobProvider.Azure || !string.IsNullOrWhiteSpace(o.AzureConnectionString),
                "Blobs:AzureConnectionString is required when Blobs:Provider is Azure.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBlobStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<BlobOptions>>().Value;
            return options.Provider == BlobProvider.Azure
                ? new AzureBlobStore(options.AzureConnectionString!, options.Container)
                : new FileSystemBlobStore(options.Root);
        });
        builder.Services.AddSingleton<PhotoPipeline>();
        return builder;
    }
}
