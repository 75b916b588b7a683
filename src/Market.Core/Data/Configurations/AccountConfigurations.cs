using Market.Core.Accounts;
using Market.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Market.Core.Data.Configurations;

/// <summary>One account per e-mail (case-folded by Identity's normaliser) and per phone (stored as +503…): sign-in finds exactly one.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        b.HasIndex(u => u.PhoneNumber).HasDatabaseName("PhoneIndex").IsUnique();
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
        b.Property(s => s.Address).HasMaxLength(64);
        b.Property(s => s.Device).HasMaxLength(UserSession.DeviceLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(120);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(60);
        b.Property(e => e.Subject).HasMaxLength(120);
        b.Property(e => e.Before).HasMaxLength(AuditEntry.ValuesLength);
        b.Property(e => e.After).HasMaxLength(AuditEntry.ValuesLength);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.MunicipalityId, e.At });
    }
}
