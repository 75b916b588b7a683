using Market.Core.Accounts;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.Code).HasMaxLength(24);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.IdempotencyScope).HasMaxLength(CheckoutKey.ScopeLength);
        b.Property(o => o.IdempotencyKey).HasMaxLength(64);
        b.Property(o => o.RequestHash).HasMaxLength(CheckoutKey.HashLength);
        b.HasIndex(o => new { o.IdempotencyScope, o.IdempotencyKey, o.ShopId }).IsUnique();
        b.HasIndex(o => new { o.ShopId, o.PlacedAt });
        b.HasIndex(o => o.ResidentId);
        b.Property(o => o.ResidentId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.ResidentId).OnDelete(DeleteBehavior.SetNull);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Fulfilment).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Payment).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Total);
        b.Ignore(o => o.ChangeDue);
        b.HasOne(o => o.Shop).WithMany().HasForeignKey(o => o.ShopId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(o => o.Customer, c =>
        {
            c.Property(x => x.Name).HasMaxLength(120).HasColumnName("CustomerName");
            c.Property(x => x.Phone).HasMaxLength(16).HasColumnName("CustomerPhone");
            c.Property(x => x.Address).HasMaxLength(300).HasColumnName("DeliveryAddress");
            c.Property(x => x.ReferencePoint).HasMaxLength(300).HasColumnName("DeliveryReference");
        });
        b.Navigation(o => o.Customer).IsRequired();
        b.HasMany(o => o.Items).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> b)
    {
        b.Property(i => i.Name).HasMaxLength(160);
        b.Property(i => i.Unit).HasMaxLength(30);
        b.Ignore(i => i.LineTotal);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> b)
    {
        b.HasIndex(e => new { e.OrderId, e.Sequence }).IsUnique();
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(500);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasIndex(m => m.PublishedAt);
    }
}

internal sealed class FulfilmentHandlingConfiguration : IEntityTypeConfiguration<FulfilmentHandling>
{
    public void Configure(EntityTypeBuilder<FulfilmentHandling> b)
    {
        b.HasKey(h => new { h.OrderId, h.Sequence });
        b.Property(h => h.Consumer).HasMaxLength(120);
    }
}
