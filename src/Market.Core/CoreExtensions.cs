using Market.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Market.Core;

public static class CoreExtensions
{
    /// <summary>
    /// The database (SQLite or PostgreSQL by configuration), its migrations and the clock. EF interceptors that a
    /// process registers as <see cref="IInterceptor"/> services join the context.
    /// </summary>
    public static IHostApplicationBuilder AddMarketCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // A test may bring its own clock first.
        builder.Services.TryAddSingleton(TimeProvider.System);

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<MarketDbContext, PostgresMarketDbContext>((services, o) =>
                o.UseNpgsql(options.ConnectionString).AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else
        {
            builder.Services.AddDbContext<MarketDbContext, SqliteMarketDbContext>((services, o) =>
                o.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteBusyTimeout()).AddInterceptors(services.GetServices<IInterceptor>()));
        }
        builder.Services.AddHostedService<MigrateDatabase>();
        return builder;
    }
}
