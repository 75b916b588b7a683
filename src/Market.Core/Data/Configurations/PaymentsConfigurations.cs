using Market.Core.Ordering;
using Market.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

internal sealed class CardPaymentConfiguration : IEntityTypeConfiguration<CardPayment>
{
    public void Configure(EntityTypeBuilder<CardPayment> b)
    {
        b.HasKey(p => p.OrderId);
        b.HasOne<Order>().WithOne().HasForeignKey<CardPayment>(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.SessionId).HasMaxLength(255);
        b.Property(p => p.SessionUrl).HasMaxLength(2000);
        b.Property(p => p.PaymentIntentId).HasMaxLength(255);
        b.Property(p => p.FailureCode).HasMaxLength(60);
        b.Property(p => p.RefundId).HasMaxLength(255);
        b.HasIndex(p => p.SessionId);
        b.Ignore(p => p.CanStartAgain);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("Ledger");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.OrderCode).HasMaxLength(24);
        b.HasIndex(e => new { e.OrderId, e.Kind }).IsUnique();
        b.HasIndex(e => new { e.ShopId, e.RecordedAt });
        b.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.CountsInBalance);
    }
}

internal sealed class StripeEventReceiptConfiguration : IEntityTypeConfiguration<StripeEventReceipt>
{
    public void Configure(EntityTypeBuilder<StripeEventReceipt> b)
    {
        b.Property(e => e.Id).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(100);
    }
}
