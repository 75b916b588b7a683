using Market.Web.CatalogCsv;

// In the app's root namespace so the composition root wires it with one line and no using.
namespace Market.Web;

public static class CatalogCsvExtensions
{
    /// <summary>Catalog CSV export and import, and the worker that runs queued imports in this process.</summary>
    public static IHostApplicationBuilder AddCatalogCsv(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportCatalogHandler>();
        builder.Services.AddScoped<ImportCatalogHandler>();
        builder.Services.AddSingleton<ImportProgress>();
        builder.Services.AddHostedService<CatalogImportWorker>();
        return builder;
    }
}
