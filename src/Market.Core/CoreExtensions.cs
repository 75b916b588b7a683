using Market.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Market.Core;

public static class CoreExtensions
{
    /// <summary>The database (SQLite or PostgreSQL by configuration), its migrations and the clock.</summary>
    public static IHostApplicationBuilder AddMarketCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<MarketDbContext, PostgresMarketDbContext>(o => o.UseNpgsql(options.ConnectionString));
        }
        else
        {
            builder.Services.AddDbContext<MarketDbContext, SqliteMarketDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteBusyTimeout()));
        }
        builder.Services.AddHostedService<MigrateDatabase>();
        return builder;
    }
}
