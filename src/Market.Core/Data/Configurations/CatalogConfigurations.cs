using Market.Core.Catalog;
using Market.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(m => m.Code).HasMaxLength(8);
        b.Property(m => m.Name).HasMaxLength(100);
        b.HasIndex(m => m.Code).IsUnique();
    }
}

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> b)
    {
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.ReferencePoint).HasMaxLength(300);
        b.Property(s => s.Phone).HasMaxLength(16);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.RejectionReason).HasMaxLength(500);
        b.Property(s => s.LogoHash).HasMaxLength(64);
        b.HasIndex(s => new { s.MunicipalityId, s.Status });
        b.Property(s => s.OwnerId).HasMaxLength(450);
        b.HasIndex(s => s.OwnerId);
        b.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(s => s.Hours, h =>
        {
            h.ToTable("ShopHours");
            h.WithOwner().HasForeignKey("ShopId");
            h.Property<int>("Id");
            h.HasKey("Id");
        });
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(80);
        b.Property(c => c.Slug).HasMaxLength(80);
        b.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.Name).HasMaxLength(160);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.Unit).HasMaxLength(30);
        b.HasOne(p => p.Shop).WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ShopId, p.IsActive });
        b.HasIndex(p => new { p.CategoryId, p.IsActive });
        b.Property(p => p.Sku).HasMaxLength(40);
        b.HasIndex(p => new { p.ShopId, p.Sku }).IsUnique().HasFilter("\"Sku\" IS NOT NULL");
        b.HasMany(p => p.Photos).WithOne().HasForeignKey(ph => ph.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Products_Stock", "\"Stock\" IS NULL OR \"Stock\" >= 0"));
    }
}

internal sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> b)
    {
        b.Property(p => p.Hash).HasMaxLength(64);
        b.HasIndex(p => new { p.ProductId, p.Position });
    }
}

internal sealed class CatalogImportConfiguration : IEntityTypeConfiguration<CatalogImport>
{
    public void Configure(EntityTypeBuilder<CatalogImport> b)
    {
        b.Property(i => i.FileName).HasMaxLength(200);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Shop>().WithMany().HasForeignKey(i => i.ShopId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.ShopId, i.CreatedAt });
        b.HasIndex(i => i.Status);
    }
}
