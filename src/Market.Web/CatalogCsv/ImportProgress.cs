using StackExchange.Redis;

namespace Market.Web.CatalogCsv;

/// <summary>
/// How many rows of a running import have been saved. The batches are saved inside the import's one transaction, where
/// no other connection sees them (and on SQLite no other connection may write), so the count goes through Redis,
/// which every web node reads; the database has the outcome once the transaction commits.
/// </summary>
public sealed class ImportProgress(IConnectionMultiplexer redis, ILogger<ImportProgress> logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    public async Task SavedAsync(Guid importId, int rows)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(importId), rows, KeptFor);
        }
        catch (RedisException ex)
        {
            // The import goes on: without Redis the page only misses the count until the end.
            logger.LogWarning(ex, "Import progress could not be written");
        }
    }

    public async Task<int> SavedAsync(Guid importId)
    {
        try
        {
            return (int?)await redis.GetDatabase().StringGetAsync(Key(importId)) ?? 0;
        }
        catch (RedisException)
        {
            return 0;
        }
    }

    private static RedisKey Key(Guid importId) => $"catalog-import:{importId:N}:applied";
}
