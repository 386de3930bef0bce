using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoProduce.Core;

/// <summary>Settings under <c>DemoContent</c>.</summary>
public sealed class DemoContentOptions
{
    public const string SectionName = "DemoContent";

    /// <summary>Seed the demo consultation at start-up when it is absent.</summary>
    public bool Enabled { get; set; }

    /// <summary>The definition file; relative paths are under the application's folder.</summary>
    public string File { get; set; } = Path.Combine("DemoContent", "sexual-violence-support-services.json");
}

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (SQLite or PostgreSQL by <c>Storage:Provider</c>), privacy (keyed hashes),
    /// every use-case handler, and start-up work: migrations (<c>Storage:MigrateOnStartup</c>), demo
    /// content (<c>DemoContent:Enabled</c>, or <paramref name="seedDemoContent"/>), and the hourly
    /// lifecycle sweep.
    /// </summary>
    public static IServiceCollection AddCoProduceCore(this IServiceCollection services, IConfiguration configuration, bool? seedDemoContent = null)
    {
        // WebApplicationBuilder and Host both put the content root in configuration under this key.
        var contentRoot = configuration["contentRoot"] ?? Directory.GetCurrentDirectory();

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(o =>
            {
                o.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName);
                o.ResolvedDataDirectory = Path.GetFullPath(Path.Combine(contentRoot, o.DataDirectory));
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .Configure<IOptions<StorageOptions>>((privacy, storage) => privacy.KeyDirectory ??= storage.Value.ResolvedDataDirectory)
            .Validate(o => string.IsNullOrWhiteSpace(o.SecretKey) || IsKey(o.SecretKey), "Privacy:SecretKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();

        services.AddOptions<DemoContentOptions>()
            .BindConfiguration(DemoContentOptions.SectionName)
            .PostConfigure(o => o.Enabled = seedDemoContent ?? o.Enabled)
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SecretKeyStore>();
        services.TryAddSingleton<SecretHasher>();
        services.TryAddSingleton<ConsultationCache>();
        services.TryAddSingleton<DraftAccess>();

        // Pooled: a request rents a context that is already set up instead of building its options and
        // resolving its internal services again (the context holds no state of its own between requests).
        services.AddDbContextPool<CoProduceDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            ConfigureProvider(options, storage);
        });

        services.AddScoped<DatabaseMigrator>();
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<LifecycleSweepService>();

        // Use cases: one class each, called by pages and GraphQL resolvers alike.
        services.AddScoped<ListOpenConsultations>();
        services.AddScoped<GetConsultation>();
        services.AddScoped<ImportConsultation>();
        services.AddScoped<CloseExpiredConsultations>();
        services.AddScoped<StartResponse>();
        services.AddScoped<GetDraft>();
        services.AddScoped<SaveSectionAnswers>();
        services.AddScoped<SkipSection>();
        services.AddScoped<SetRespondentChoices>();
        services.AddScoped<SaveForLater>();
        services.AddScoped<ResumeDraft>();
        services.AddScoped<SubmitResponse>();
        services.TryAddSingleton<ResponseCommitter>();
        services.TryAddSingleton<ResponseNotifier>();
        services.AddScoped<SubmitCompleteResponse>();
        services.AddScoped<WithdrawResponse>();
        services.AddScoped<DiscardDraft>();
        services.AddScoped<RecordOfflineResponse>();

        // Staff: per-object access and the audit log, used by every staff use case.
        services.AddScoped<ConsultationAccess>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddAuthoring();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<ListApiTokens>();
        services.AddScoped<AuthenticateApiToken>();
        services.AddScoped<AssignAnalyst>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<Organisations.SaveOrganisation>();
        services.AddScoped<Organisations.ListOrganisations>();
        services.AddWorkshopUseCases();
        return services;
    }

    /// <summary>Points EF Core at the configured database (also used by tests).</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder options, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            options.UseNpgsql(storage.ConnectionString);
        }
        else
        {
            Directory.CreateDirectory(storage.ResolvedDataDirectory);
            options.UseSqlite(storage.SqliteConnectionString);
        }
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var failures = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage ?? "").ToArray();
            return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
