using System.Runtime.CompilerServices;
using Market.Core.Catalog;
using Market.Core.Territory;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Market.Web.Storefront;

/// <summary>
/// When this node saves a change to what the storefront shows (a product, its photos, a shop, its hours, a category
/// or municipality), the kept answers and pages are dropped, so the change shows at once here; another node or the
/// worker shows it within the cache period. A product's stock alone does not count: every order changes it.
/// </summary>
public sealed class CatalogChanges(StorefrontDirectory directory, ProductMatches matches, IOutputCacheStore pages) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Shown = [typeof(Product), typeof(ProductPhoto), typeof(Category), typeof(Shop), typeof(OpeningHours), typeof(Municipality)];

    // What a context is about to save, from SavingChanges to SavedChanges (one interceptor serves every context).
    private readonly ConditionalWeakTable<DbContext, object> changing = [];

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
        ForgetIfChanged(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ForgetIfChanged(eventData.Context);
        return result;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Shows))
        {
            changing.AddOrUpdate(context, this);
        }
    }

    private ValueTask ForgetIfChanged(DbContext? context)
    {
        if (context is null || !changing.Remove(context))
        {
            return ValueTask.CompletedTask;
        }
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
