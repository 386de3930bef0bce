using System.Text;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
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

/// <summary>A row of the Welsh well-being reference table (seeded by the workshops migration).</summary>
public sealed class WellbeingReferenceRow
{
    public required string Code { get; set; }

    public WellbeingReferenceKind Kind { get; set; }

    public int SortOrder { get; set; }

    public required string NameEn { get; set; }

    public required string NameCy { get; set; }

    public WellbeingReferenceItem ToDomain() => new(Code, Kind, SortOrder, new LocalizedText(NameEn, NameCy));
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

        /// <summary>Not an Identity table: the one <see cref="Users"/> has a foreign key to (migration 0005).</summary>
        public const string Organisations = "organisations";
    }

    public DbSet<Workshop> Workshops => Set<Workshop>();

    public DbSet<WorkshopActivity> WorkshopActivities => Set<WorkshopActivity>();

    public DbSet<Participant> WorkshopParticipants => Set<Participant>();

    public DbSet<Contribution> WorkshopContributions => Set<Contribution>();

    public DbSet<Ballot> WorkshopBallots => Set<Ballot>();

    public DbSet<OutcomeFramework> OutcomeFrameworks => Set<OutcomeFramework>();

    public DbSet<OutcomeFrameworkVersion> OutcomeFrameworkVersions => Set<OutcomeFrameworkVersion>();

    public DbSet<WellbeingReferenceRow> WellbeingReference => Set<WellbeingReferenceRow>();

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
            e.Property(c => c.OwnerOrganisationId).HasConversion(OrganisationIdConverter);
            e.Property(c => c.SubmittedForApprovalBy).HasConversion(StaffUserIdConverter);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable(IdentityTables.Organisations);
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
            // A response never changes once stored (its properties have private setters and immutable
            // types): EF keeps the values themselves as snapshots rather than a JSON deep copy of each.
            ImmutableJson(e.Property(r => r.Answers), json);
            ImmutableJson(e.Property(r => r.SkippedSections), json);
            ImmutableJson(e.Property(r => r.Choices), json);
        });

        modelBuilder.Entity<FormOfViolenceRow>(e =>
        {
            e.ToTable("forms_of_violence");
            e.HasKey(f => f.Code);
            e.Property(f => f.Code).HasMaxLength(100);
            e.Property(f => f.Jurisdiction).HasConversion<string>().HasMaxLength(16);
        });

        OnWorkshopsModelCreating(modelBuilder, json);

        ApplySnakeCase(modelBuilder);
    }

    private static void OnWorkshopsModelCreating(ModelBuilder modelBuilder, string json)
    {
        modelBuilder.Entity<Workshop>(e =>
        {
            e.ToTable("workshops");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).HasConversion(id => id.Value, value => new WorkshopId(value)).ValueGeneratedNever();
            Json(e.Property(w => w.Title), json);
            Json(e.Property(w => w.Purpose), json);
            Json(e.Property(w => w.GroundRules), json);
            Json(e.Property(w => w.SupportInformation), json);
            Json(e.Property(w => w.Facilitators), json);
            e.Property(w => w.Phase).HasConversion<string>().HasMaxLength(16);
            e.Property(w => w.Jurisdiction).HasConversion<string>().HasMaxLength(16);
            e.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
            e.Property(w => w.ScheduledAt).HasConversion(UtcDateTime);
            e.Property(w => w.ConsultationId).HasConversion(id => id!.Value.Value, value => new ConsultationId(value));
            e.HasOne<Consultation>().WithMany().HasForeignKey(w => w.ConsultationId).OnDelete(DeleteBehavior.SetNull);
            e.Property(w => w.OwnerOrganisationId).HasConversion(id => id.Value, value => new OrganisationId(value));
            e.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.CurrentActivityId).HasConversion(id => id!.Value.Value, value => new ActivityId(value));
            e.HasIndex(w => w.JoinCodeHash).IsUnique();
            e.HasIndex(w => w.OwnerOrganisationId);
            e.Property(w => w.Revision).IsConcurrencyToken();
            e.Ignore(w => w.AcceptsParticipants);
        });

        modelBuilder.Entity<WorkshopActivity>(e =>
        {
            e.ToTable("workshop_activities");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasConversion(id => id.Value, value => new ActivityId(value)).ValueGeneratedNever();
            e.Property(a => a.WorkshopId).HasConversion(id => id.Value, value => new WorkshopId(value));
            e.HasOne<Workshop>().WithMany().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.WorkshopId, a.Number }).IsUnique();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
            Json(e.Property(a => a.Title), json);
            e.Property(a => a.Prompt).HasConversion(new JsonValueConverter<LocalizedText?>(), new JsonValueComparer<LocalizedText?>()).HasColumnType(json);
            e.Property(a => a.ContentWarning).HasConversion(new JsonValueConverter<LocalizedText?>(), new JsonValueComparer<LocalizedText?>()).HasColumnType(json);
            Json(e.Property(a => a.Settings), json);
        });

        modelBuilder.Entity<Participant>(e =>
        {
            e.ToTable("workshop_participants");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasConversion(id => id.Value, value => new ParticipantId(value)).ValueGeneratedNever();
            e.Property(p => p.WorkshopId).HasConversion(id => id.Value, value => new WorkshopId(value));
            e.HasOne<Workshop>().WithMany().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.SessionTokenHash).IsUnique();
            e.Property(p => p.Pseudonym).HasMaxLength(Participant.MaxPseudonymLength);
            e.Property(p => p.Language).HasMaxLength(2);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Signal).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<Contribution>(e =>
        {
            e.ToTable("workshop_contributions");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasConversion(id => id.Value, value => new ContributionId(value)).ValueGeneratedNever();
            e.Property(c => c.WorkshopId).HasConversion(id => id.Value, value => new WorkshopId(value));
            e.Property(c => c.ActivityId).HasConversion(id => id.Value, value => new ActivityId(value));
            e.Property(c => c.ParentId).HasConversion(id => id!.Value.Value, value => new ContributionId(value));
            e.Property(c => c.MergedIntoId).HasConversion(id => id!.Value.Value, value => new ContributionId(value));
            e.HasOne<Workshop>().WithMany().HasForeignKey(c => c.WorkshopId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkshopActivity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.WorkshopId, c.Number }).IsUnique();
            e.HasIndex(c => c.ActivityId);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Text).HasMaxLength(Contribution.MaxTextLength);
            e.Property(c => c.Language).HasMaxLength(2);
            e.Property(c => c.TargetKey).HasMaxLength(16);
            e.Property(c => c.Theme).HasMaxLength(Contribution.MaxThemeLength);
            e.Ignore(c => c.IsVisibleToRoom);
        });

        modelBuilder.Entity<Ballot>(e =>
        {
            e.ToTable("workshop_ballots");
            e.HasKey(b => new { b.ActivityId, b.ParticipantId });
            e.Property(b => b.ActivityId).HasConversion(id => id.Value, value => new ActivityId(value));
            e.Property(b => b.ParticipantId).HasConversion(id => id.Value, value => new ParticipantId(value));
            e.Property(b => b.WorkshopId).HasConversion(id => id.Value, value => new WorkshopId(value));
            e.HasOne<WorkshopActivity>().WithMany().HasForeignKey(b => b.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(b => b.WorkshopId);
            Json(e.Property(b => b.Choices), json);
        });

        modelBuilder.Entity<OutcomeFramework>(e =>
        {
            e.ToTable("outcome_frameworks");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasConversion(id => id.Value, value => new OutcomeFrameworkId(value)).ValueGeneratedNever();
            e.Property(f => f.OwnerOrganisationId).HasConversion(id => id.Value, value => new OrganisationId(value));
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => f.OwnerOrganisationId);
            e.Property(f => f.Jurisdiction).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Version).IsConcurrencyToken();
            Json(e.Property(f => f.Title), json);
            Json(e.Property(f => f.Document), json);
        });

        modelBuilder.Entity<OutcomeFrameworkVersion>(e =>
        {
            e.ToTable("outcome_framework_versions");
            e.HasKey(v => new { v.FrameworkId, v.Version });
            e.Property(v => v.FrameworkId).HasConversion(id => id.Value, value => new OutcomeFrameworkId(value));
            e.Property(v => v.WorkshopId).HasConversion(id => id!.Value.Value, value => new WorkshopId(value));
            e.HasOne<OutcomeFramework>().WithMany().HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Cascade);
            e.Property(v => v.Summary).HasMaxLength(200);
            Json(e.Property(v => v.Document), json);
        });

        modelBuilder.Entity<WellbeingReferenceRow>(e =>
        {
            e.ToTable("wellbeing_reference");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(64);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        });
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

    private static void ImmutableJson<T>(PropertyBuilder<T> property, string columnType) =>
        property.HasConversion(new JsonValueConverter<T>(), new ImmutableJsonValueComparer<T>()).HasColumnType(columnType).IsRequired();

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
