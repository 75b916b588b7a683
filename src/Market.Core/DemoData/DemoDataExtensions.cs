using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Market.Core.DemoData;

public static class DemoDataExtensions
{
    /// <summary>
    /// Seeds demo data at start when Seed:DemoData is true. Call it after AddMarketCore and after
    /// Identity is registered: hosted services start in order, and the schema must be migrated first.
    /// </summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddHostedService<SeedDemoData>();
        return builder;
    }
}
