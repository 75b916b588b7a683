using System.Data.Common;
using System.Runtime.CompilerServices;
using Market.Core.Catalog;
using Market.Core.Territory;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StackExchange.Redis;

namespace Market.Web.Storefront;

/// <summary>
/// When a node saves a change to what the storefront shows (a product, its photos, a shop, its hours, a category or
/// municipality), it drops its kept answers and pages at once and tells the other web nodes through Redis, which do
/// the same. A product's stock alone does not count: every order changes it. With Redis away, the other nodes
/// catch up within the cache period. Saves inside a transaction (a catalog import's batches) count when it commits:
/// dropped earlier, the pages would be made again from what was there before.
/// </summary>
public sealed class CatalogChanges(StorefrontDirectory directory, ProductMatches matches, IOutputCacheStore pages, IConnectionMultiplexer redis)
    : SaveChangesInterceptor, IDbTransactionInterceptor, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("storefront:catalog-changed");
    private static readonly HashSet<Type> Shown = [typeof(Product), typeof(ProductPhoto), typeof(Category), typeof(Shop), typeof(OpeningHours), typeof(Municipality)];

    private readonly string node = Guid.NewGuid().ToString("N");

    // What a context is about to save, from SavingChanges to SavedChanges (one interceptor serves every context).
    private readonly ConditionalWeakTable<DbContext, object> changing = [];

    public Task StartAsync(CancellationToken cancellationToken) =>
        // Fire and forget: StackExchange.Redis subscribes again by itself whenever the connection comes back.
        redis.GetSubscriber().SubscribeAsync(Channel, (channel, from) =>
        {
            if (from != node)
            {
                // The in-memory page store evicts at once: nothing here waits on I/O.
                ForgetAsync().AsTask().GetAwaiter().GetResult();
            }
        }, CommandFlags.FireAndForget);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            ChangedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await ChangedAsync(eventData.Context);
        }
        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ChangedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) =>
        await ChangedAsync(eventData.Context);

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            changing.Remove(context);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Shows))
        {
            changing.AddOrUpdate(context, this);
        }
    }

    private async ValueTask ChangedAsync(DbContext? context)
    {
        if (context is null || !changing.Remove(context))
        {
            return;
        }
        await ForgetAsync();
        await redis.GetSubscriber().PublishAsync(Channel, node, CommandFlags.FireAndForget);
    }

    private ValueTask ForgetAsync()
    {
        directory.Forget();
        matches.Forget();
        return pages.EvictByTagAsync(StorefrontCachePolicy.Tag, CancellationToken.None);
    }

    private static bool Shows(EntityEntry entry) =>
        Shown.Contains(entry.Metadata.ClrType)
        && entry.State switch
        {
            EntityState.Added or EntityState.Deleted => true,
            EntityState.Modified => entry.Metadata.ClrType != typeof(Product)
                || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Product.Stock)),
            _ => false,
        };
}
