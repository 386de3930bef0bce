using System.Text;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
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

    internal bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChangedConsultations();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChangedConsultations();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every consultation added or changed gets a new <see cref="Consultation.ChangeStamp"/>, which is
    /// what tells <see cref="ConsultationCache"/> (in this process and any other) that its copy is old.
    /// A random value rather than a counter: two concurrent saves can never write the same stamp.
    /// Bulk updates (<c>ExecuteUpdate</c>) of consultations bypass this and must set the stamp themselves.
    /// </summary>
    private void StampChangedConsultations()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        foreach (var entry in ChangeTracker.Entries<Consultation>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property(c => c.ChangeStamp).CurrentValue = Guid.NewGuid();
            }
        }
    }

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
            e.Property(c => c.ChangeStamp);
            e.HasIndex(c => new { c.Status, c.ClosesAt });
            Json(e.Property(c => c.Details), json);
            Json(e.Property(c => c.Questionnaire), json);
            e.Ignore(c => c.Sections);
            e.Ignore(c => c.IsPublished);
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
            // A draft's documents are immutable values, replaced whole on every change.
            ImmutableJson(e.Property(d => d.Answers), json);
            ImmutableJson(e.Property(d => d.SkippedSections), json);
            ImmutableJson(e.Property(d => d.Choices), json);
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

    private static void Json<T>(PropertyBuilder<T> property, string columnType) =>
        property.HasConversion(new JsonValueConverter<T>(), new JsonValueComparer<T>()).HasColumnType(columnType).IsRequired();

    private static void ImmutableJson<T>(PropertyBuilder<T> property, string columnType) =>
        property.HasConversion(new JsonValueConverter<T>(), new ImmutableJsonValueComparer<T>()).HasColumnType(columnType).IsRequired();

    private static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
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
