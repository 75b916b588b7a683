using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Market.Core.Data;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMarketDbContext>
{
    public SqliteMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMarketDbContext>().UseSqlite("Data Source=design.db").Options, TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMarketDbContext>
{
    public PostgresMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMarketDbContext>().UseNpgsql("Host=localhost").Options, TimeProvider.System);
}
