using System.Text;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Core.Storage;

/// <summary>A row of the forms-of-violence reference table (seeded by migration 0001).</summary>
public sealed class FormOfViolenceRow
{
    public required string Code { get; set; }

    public Jurisdiction Jurisdiction { get; set; }

    public int SortOrder { get; set; }

    public required string NameEn { get; set; }

    public required string NameCy { get; set; }

    public FormOfViolence ToDomain() => new(Code, Jurisdiction, SortOrder, new LocalizedText(NameEn, NameCy));
}

/// <summary>
/// The database: relational columns for what is queried, JSON documents (jsonb on PostgreSQL) for
/// nested content. Table and column names are snake_case. The schema is created by the SQL files in
/// <c>Storage/Migrations</c>, never by EF Core; a test keeps them equal to this model.
/// </summary>
public sealed class CoProduceDbContext(DbContextOptions<CoProduceDbContext> options) : DbContext(options)
{
    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<FormOfViolenceRow> FormsOfViolence => Set<FormOfViolenceRow>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ConsultationAnalyst> ConsultationAnalysts => Set<ConsultationAnalyst>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>
    /// Tables of staff accounts. ASP.NET Core Identity maps them in the host's own context (Core has
    /// no Identity types); migration 0002 creates them and the host's schema test checks them.
    /// </summary>
    public static class IdentityTables
    {
        public const string Users = "staff_users";
        public const string UserClaims = "staff_user_claims";
        public const string UserLogins = "staff_user_logins";
        public const string UserTokens = "staff_user_tokens";
        public const string UserPasskeys = "staff_user_passkeys";

        public static IReadOnlyList<string> All { get; } = [Users, UserClaims, UserLogins, UserTokens, UserPasskeys];
    }

    internal bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var json = IsPostgres ? "jsonb" : "TEXT";

        modelBuilder.Entity<Consultation>(e =>
        {
            e.ToTable("consultations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasConversion(id => id.Value, value => new ConsultationId(value)).ValueGeneratedNever();
            e.Property(c => c.Reference).HasMaxLength(32);
            e.HasIndex(c => c.Reference).IsUnique();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Audience).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Jurisdiction).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Phase).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.OpensAt).HasConversion(UtcDateTime);
            e.Property(c => c.ClosesAt).HasConversion(UtcDateTime);
            e.HasIndex(c => new { c.Status, c.ClosesAt });
            Json(e.Property(c => c.Details), json);
            Json(e.Property(c => c.Questionnaire), json);
            e.Ignore(c => c.Sections);
            e.Ignore(c => c.IsPublished);
            e.Property(c => c.OwnerOrganisationId).HasConversion(OrganisationIdConverter);
            e.Property(c => c.SubmittedForApprovalBy).HasConversion(StaffUserIdConverter);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasConversion(id => id.Value, value => new OrganisationId(value)).ValueGeneratedNever();
            e.Property(o => o.Name).HasMaxLength(200);
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.WelshLanguageOffer).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Jurisdiction).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Area).HasMaxLength(200);
            Json(e.Property(o => o.CommunitiesServed), json);
        });

        modelBuilder.Entity<ConsultationAnalyst>(e =>
        {
            e.ToTable("consultation_analysts");
            e.HasKey(a => new { a.ConsultationId, a.UserId });
            e.Property(a => a.ConsultationId).HasConversion(id => id.Value, value => new ConsultationId(value));
            e.Property(a => a.UserId).HasConversion(id => id.Value, value => new StaffUserId(value));
            e.HasOne<Consultation>().WithMany().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.UserId);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.OccurredAt).HasConversion(UtcDateTime);
            e.Property(a => a.ActorUserId).HasConversion(id => id.Value, value => new StaffUserId(value));
            e.Property(a => a.OrganisationId).HasConversion(id => id.Value, value => new OrganisationId(value));
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.SubjectType).HasMaxLength(64);
            e.Property(a => a.SubjectId).HasMaxLength(100);
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId });
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasConversion(id => id.Value, value => new ApiTokenId(value)).ValueGeneratedNever();
            e.Property(t => t.UserId).HasConversion(id => id.Value, value => new StaffUserId(value));
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.CreatedAt).HasConversion(UtcDateTime);
            e.Property(t => t.RevokedAt).HasConversion(NullableUtcDateTime);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Ignore(t => t.IsRevoked);
        });

        modelBuilder.Entity<Draft>(e =>
        {
            e.ToTable("drafts");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasConversion(id => id.Value, value => new DraftId(value)).ValueGeneratedNever();
            e.Property(d => d.ConsultationId).HasConversion(id => id.Value, value => new ConsultationId(value));
            e.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => d.SessionTokenHash).IsUnique();
            e.HasIndex(d => d.ResumeCodeHash).IsUnique();
            Json(e.Property(d => d.Answers), json);
            Json(e.Property(d => d.SkippedSections), json);
            Json(e.Property(d => d.Choices), json);
        });

        modelBuilder.Entity<Response>(e =>
        {
            e.ToTable("responses");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasConversion(id => id.Value, value => new ResponseId(value)).ValueGeneratedNever();
            e.Property(r => r.ConsultationId).HasConversion(id => id.Value, value => new ConsultationId(value));
            e.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.ReceiptCodeHash).IsUnique();
            e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
            Json(e.Property(r => r.Answers), json);
            Json(e.Property(r => r.SkippedSections), json);
            Json(e.Property(r => r.Choices), json);
        });

        modelBuilder.Entity<FormOfViolenceRow>(e =>
        {
            e.ToTable("forms_of_violence");
            e.HasKey(f => f.Code);
            e.Property(f => f.Code).HasMaxLength(100);
            e.Property(f => f.Jurisdiction).HasConversion<string>().HasMaxLength(16);
        });

        ApplySnakeCase(modelBuilder);
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTime> UtcDateTime = new(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    // Applied to nullable properties too: EF Core never passes null to a converter.
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<OrganisationId, Guid> OrganisationIdConverter = new(id => id.Value, value => new OrganisationId(value));

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<StaffUserId, Guid> StaffUserIdConverter = new(id => id.Value, value => new StaffUserId(value));

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset?, DateTime?> NullableUtcDateTime = new(
        v => v.HasValue ? v.Value.UtcDateTime : null,
        v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);

    private static void Json<T>(PropertyBuilder<T> property, string columnType) =>
        property.HasConversion(new JsonValueConverter<T>(), new JsonValueComparer<T>()).HasColumnType(columnType).IsRequired();

    /// <summary>
    /// The naming convention of every table: snake_case columns, <c>pk_</c>/<c>fk_</c>/<c>ix_</c>
    /// names. Public so the host's Identity context on the same database follows it too.
    /// </summary>
    public static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName($"fk_{entity.GetTableName()}_{foreignKey.PrincipalEntityType.GetTableName()}");
            }

            foreach (var index in entity.GetIndexes())
            {
                var columns = string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)));
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{columns}");
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
