using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Market.Core.Data;

public sealed class SqliteMarketDbContext(DbContextOptions<SqliteMarketDbContext> options, TimeProvider clock)
    : MarketDbContext(options, clock)
{
    /// <summary>SQLite cannot compare or sort DateTimeOffset; stored as a sortable binary value instead.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresMarketDbContext(DbContextOptions<PostgresMarketDbContext> options, TimeProvider clock)
    : MarketDbContext(options, clock);
