using Market.Core.Data;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Market.Tests.Integration.Accounts;

/// <summary>A database from before e-mails were unique, holding two accounts with one e-mail: start-up stops and says which.</summary>
public sealed class DuplicateIdentitiesTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private string folder = "";

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        folder = Directory.CreateTempSubdirectory("market-duplicates-").FullName;
    }

    public async Task DisposeAsync()
    {
        await redis.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task StartUp_WithTwoAccountsSharingAnEmailFromBefore_StopsAndNamesTheEmail()
    {
        var connection = $"Data Source={Path.Combine(folder, "old.db")}";
        await using (var db = new SqliteMarketDbContext(new DbContextOptionsBuilder<SqliteMarketDbContext>().UseSqlite(connection).Options, TimeProvider.System))
        {
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AccountsHardening", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('a', '+50370000001', '+50370000001', 'Rosa@correo.sv', 'ROSA@CORREO.SV', 'Rosa', 0, 0, 0, 0, 0),
                       ('b', '+50370000002', '+50370000002', 'rosa@correo.sv', 'ROSA@CORREO.SV', 'Rosa otra vez', 0, 0, 0, 0, 0);
                """);
        }

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => MarketHost.StartAsync(redis, settings: new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connection,
            ["Seed:DemoData"] = "false",
        }));

        refused.Message.ShouldContain("ROSA@CORREO.SV");
        refused.Message.ShouldContain("belong to more than one account");
    }
}
