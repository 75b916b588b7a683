using Market.Core.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Market.Tests.Unit.Media;

public sealed class AddMediaTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WithoutAProvider_PhotosGoToTheFileSystemRoot()
    {
        using var host = Build(new() { ["Blobs:Root"] = folder.Path });
        await host.StartAsync();

        var photo = await host.Services.GetRequiredService<PhotoPipeline>().CreateDemoAsync("Arroz blanco", "canasta básica");

        host.Services.GetRequiredService<IBlobStore>().ShouldBeOfType<FileSystemBlobStore>();
        folder.FileNames().ShouldBe(photo.Names.Order(StringComparer.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task AzureWithoutAConnectionString_StopsTheStart()
    {
        using var host = Build(new() { ["Blobs:Provider"] = "Azure" });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Blobs:AzureConnectionString");
    }

    [Fact]
    public async Task InvalidContainerName_StopsTheStart()
    {
        using var host = Build(new() { ["Blobs:Provider"] = "Azure", ["Blobs:AzureConnectionString"] = "UseDevelopmentStorage=true", ["Blobs:Container"] = "Fotos_de_Productos" });

        await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMedia();
        return builder.Build();
    }
}
