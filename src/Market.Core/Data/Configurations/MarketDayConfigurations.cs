using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

internal sealed class PublicSpaceConfiguration : IEntityTypeConfiguration<PublicSpace>
{
    public void Configure(EntityTypeBuilder<PublicSpace> b)
    {
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.StreetUse).HasConversion<string>().HasMaxLength(20);
        b.Ignore(s => s.MarketKind);
        b.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_PublicSpaces_Capacity", "\"Capacity\" >= 1"));
    }
}

internal sealed class MarketLimitsConfiguration : IEntityTypeConfiguration<MarketLimits>
{
    public void Configure(EntityTypeBuilder<MarketLimits> b)
    {
        b.HasKey(l => l.MunicipalityId);
        b.Property(l => l.MunicipalityId).ValueGeneratedNever();
        b.HasOne<Territory.Municipality>().WithOne().HasForeignKey<MarketLimits>(l => l.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MarketSeriesConfiguration : IEntityTypeConfiguration<MarketSeries>
{
    public void Configure(EntityTypeBuilder<MarketSeries> b)
    {
        b.Property(s => s.Pattern).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Rule).HasMaxLength(4000);
        b.Ignore(s => s.Schedule);
        b.HasOne(s => s.PublicSpace).WithMany().HasForeignKey(s => s.PublicSpaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.SeriesId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MarketDayConfiguration : IEntityTypeConfiguration<MarketDay>
{
    public void Configure(EntityTypeBuilder<MarketDay> b)
    {
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.ChangeReason).HasMaxLength(MarketDay.ReasonLength);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Plan);
        b.HasOne(d => d.PublicSpace).WithMany().HasForeignKey(d => d.PublicSpaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.PublicSpaceId, d.Date });
        b.HasIndex(d => new { d.StartsAt, d.Status });
    }
}

internal sealed class StallApplicationConfiguration : IEntityTypeConfiguration<StallApplication>
{
    public void Configure(EntityTypeBuilder<StallApplication> b)
    {
        // A conditional update: a change saves only if the status is still the one it was read with.
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(a => a.Reason).HasMaxLength(StallApplication.ReasonLength);
        b.HasOne(a => a.MarketDay).WithMany().HasForeignKey(a => a.MarketDayId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Shop).WithMany().HasForeignKey(a => a.ShopId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MarketSeries>().WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.SetNull);
        // These two indexes, not the code that checks first, are what make a double booking impossible under concurrency.
        b.HasIndex(a => new { a.MarketDayId, a.StallNumber }).IsUnique().HasFilter("\"StallNumber\" IS NOT NULL");
        b.HasIndex(a => new { a.MarketDayId, a.ShopId }).IsUnique();
        b.HasIndex(a => new { a.ShopId, a.Status });
        b.ToTable(t => t.HasCheckConstraint("CK_StallApplications_Stall", "\"StallNumber\" IS NULL OR \"StallNumber\" >= 1"));
    }
}

internal sealed class OrderMarketDayConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.HasOne<MarketDay>().WithMany().HasForeignKey(o => o.MarketDayId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.MarketDayId);
    }
}
