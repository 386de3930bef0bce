using CoProduce.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Staff;

/// <summary>
/// ASP.NET Core Identity's tables for staff accounts, on the same database as
/// <see cref="CoProduceDbContext"/> but in its own context so that Core carries no Identity types.
/// No roles tables: roles are <see cref="StaffUser.Roles"/> flags. The tables are created by
/// migration 0002, like every other table; a test keeps them equal to this model.
/// </summary>
public sealed class StaffIdentityDbContext(DbContextOptions<StaffIdentityDbContext> options)
    : IdentityUserContext<StaffUser, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options)
{
    private const int MaxKeyLength = 128;

    /// <summary>
    /// Identity's schema version 3 (with the passkeys table), written out here instead of calling the
    /// base class, which picks the version from <c>IdentityOptions</c> in the application's services:
    /// the model must not depend on how the context was created (tests, commands, the host).
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<StaffUser>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.Users);
            e.HasKey(u => u.Id);
            e.HasIndex(u => u.NormalizedUserName).IsUnique();
            e.HasIndex(u => u.NormalizedEmail);
            e.HasIndex(u => u.OrganisationId);
            e.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            e.Property(u => u.UserName).HasMaxLength(256);
            e.Property(u => u.NormalizedUserName).HasMaxLength(256);
            e.Property(u => u.Email).HasMaxLength(256);
            e.Property(u => u.NormalizedEmail).HasMaxLength(256);
            e.Property(u => u.PhoneNumber).HasMaxLength(256);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Roles).HasConversion<int>();
            e.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            e.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            e.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            e.HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
            // Every account belongs to an existing organisation (migration 0005).
            e.HasOne<StaffOrganisationKey>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        // Only the key of CoProduceDbContext's organisations table, so that the foreign key above is
        // part of this model; the table itself belongs to the other context.
        builder.Entity<StaffOrganisationKey>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.Organisations, t => t.ExcludeFromMigrations());
            e.HasKey(o => o.Id);
        });

        builder.Entity<IdentityUserClaim<Guid>>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.UserClaims);
            e.HasKey(c => c.Id);
        });

        builder.Entity<IdentityUserLogin<Guid>>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.UserLogins);
            e.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            e.Property(l => l.LoginProvider).HasMaxLength(MaxKeyLength);
            e.Property(l => l.ProviderKey).HasMaxLength(MaxKeyLength);
        });

        builder.Entity<IdentityUserToken<Guid>>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.UserTokens);
            e.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            e.Property(t => t.LoginProvider).HasMaxLength(MaxKeyLength);
            e.Property(t => t.Name).HasMaxLength(MaxKeyLength);
        });

        builder.Entity<IdentityUserPasskey<Guid>>(e =>
        {
            e.ToTable(CoProduceDbContext.IdentityTables.UserPasskeys);
            e.HasKey(p => p.CredentialId);
            e.Property(p => p.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1023 bytes.
            e.OwnsOne(p => p.Data).ToJson("data");
        });

        CoProduceDbContext.ApplySnakeCase(builder);
    }
}

/// <summary>The primary key of an organisation, as <see cref="StaffIdentityDbContext"/> sees the <c>organisations</c> table.</summary>
public sealed class StaffOrganisationKey
{
    public Guid Id { get; set; }
}
