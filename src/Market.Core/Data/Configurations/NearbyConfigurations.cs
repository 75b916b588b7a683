using Market.Core.Accounts;
using Market.Core.Nearby;
using Market.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> b)
    {
        b.Property(n => n.Name).HasMaxLength(120);
        b.HasOne(n => n.Municipality).WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.MunicipalityId, n.Name }).IsUnique();
    }
}

internal sealed class SavedAddressConfiguration : IEntityTypeConfiguration<SavedAddress>
{
    public void Configure(EntityTypeBuilder<SavedAddress> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Label).HasMaxLength(120);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Neighbourhood>().WithMany().HasForeignKey(a => a.NeighbourhoodId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.UserId, a.SavedAt });
    }
}

/// <summary>Shops are found near a point by a latitude range first (see GeoPoint.Around).</summary>
internal sealed class ShopLocationConfiguration : IEntityTypeConfiguration<Catalog.Shop>
{
    public void Configure(EntityTypeBuilder<Catalog.Shop> b) =>
        b.HasIndex(s => new { s.Status, s.Latitude, s.Longitude });
}
