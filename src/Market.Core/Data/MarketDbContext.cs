using Market.Core.Accounts;
using Market.Core.Audit;
using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Market.Core.Payments;
using Market.Core.Territory;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Market.Core.Data;

/// <summary>The one database of the platform. Each provider has a subclass so that each keeps its own migrations.</summary>
public abstract class MarketDbContext(DbContextOptions options, TimeProvider clock) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Shop> Shops => Set<Shop>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductPhoto> ProductPhotos => Set<ProductPhoto>();
    public DbSet<CatalogImport> CatalogImports => Set<CatalogImport>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<FulfilmentHandling> FulfilmentHandlings => Set<FulfilmentHandling>();
    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();
    public DbSet<Nearby.SavedAddress> SavedAddresses => Set<Nearby.SavedAddress>();
    public DbSet<CardPayment> CardPayments => Set<CardPayment>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<StripeEventReceipt> StripeEvents => Set<StripeEventReceipt>();
    public DbSet<PublicSpace> PublicSpaces => Set<PublicSpace>();
    public DbSet<MarketLimits> MarketLimits => Set<MarketLimits>();
    public DbSet<MarketSeries> MarketSeries => Set<MarketSeries>();
    public DbSet<MarketDay> MarketDays => Set<MarketDay>();
    public DbSet<StallApplication> StallApplications => Set<StallApplication>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MarketDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
    }

    /// <summary>
    /// Every new order event gets its outbox row in the same SaveChanges, hence the same transaction; except a card
    /// order's first step, which waits for payment before anything enters the fulfilment queue.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are never changed or deleted.");
        }
        var now = clock.GetUtcNow();
        foreach (var added in ChangeTracker.Entries<OrderEvent>().Where(e => e.State == EntityState.Added && e.Entity.Status != OrderStatus.AwaitingPayment).ToList())
        {
            Outbox.Add(new OutboxMessage { OrderId = added.Entity.OrderId, Sequence = added.Entity.Sequence, CreatedAt = now });
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The next outbox messages to append to the stream, oldest first. The caller saves and then commits
    /// <see cref="Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade.CurrentTransaction"/> if there is one.
    /// </summary>
    public virtual Task<List<OutboxMessage>> TakeOutboxBatchAsync(int count, CancellationToken ct) =>
        Outbox.Where(m => m.PublishedAt == null).OrderBy(m => m.Id).Take(count).ToListAsync(ct);
}
