using Market.Core.Ordering;
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
    : MarketDbContext(options, clock)
{
    /// <summary>
    /// Every web node runs a relay: each locks the rows it takes and skips rows another holds, so two nodes never
    /// append the same message (which would make the workers handle it twice and push it twice).
    /// </summary>
    public override async Task<List<OutboxMessage>> TakeOutboxBatchAsync(int count, CancellationToken ct)
    {
        await Database.BeginTransactionAsync(ct);
        return await Outbox.FromSql(
                $"""SELECT * FROM "Outbox" WHERE "PublishedAt" IS NULL ORDER BY "Id" LIMIT {count} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
    }
}
