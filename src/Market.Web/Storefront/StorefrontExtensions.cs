using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Market.Web.Storefront;

public static class StorefrontExtensions
{
    /// <summary>The storefront's handler, what it keeps in memory, its page cache and what drops them (ADR 0008).</summary>
    public static IServiceCollection AddStorefront(this IServiceCollection services)
    {
        services.AddOptions<StorefrontCacheOptions>().BindConfiguration(StorefrontCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BrowseProductsHandler>();
        services.AddSingleton<StorefrontDirectory>();
        services.AddSingleton<ProductMatches>();
        services.AddSingleton<CatalogChanges>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CatalogChanges>());
        services.AddHostedService(sp => sp.GetRequiredService<CatalogChanges>());
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<StorefrontCacheOptions>>((o, storefront) =>
            o.AddPolicy(StorefrontCachePolicy.Name, new StorefrontCachePolicy(storefront.Value.Duration)));
        return services;
    }
}
