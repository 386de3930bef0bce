using CoProduce.Core;
using CoProduce.Core.Storage;
using CoProduce.Server.Content;
using CoProduce.Server.Exit;
using CoProduce.Server.Journey;

namespace Microsoft.Extensions.Hosting;

public static class ConsultationsExtensions
{
    /// <summary>
    /// Consultations and the respondent's journey: Core (storage on SQLite or PostgreSQL, migrations
    /// at start-up, the lifecycle sweep that closes expired consultations, the use cases), demo content
    /// in Development or when <c>Demo:Seed</c> is true, <c>/readyz</c> pointed at the migrator, and the
    /// exit route's hook that ends the draft session.
    /// </summary>
    public static IHostApplicationBuilder AddConsultations(this IHostApplicationBuilder builder)
    {
        // Demo:Seed decides when it is set; otherwise Development seeds and other environments do not
        // (DemoContent:Enabled still works there).
        var seed = builder.Configuration.GetValue<bool?>("Demo:Seed");
        bool? seedDemo = seed ?? (builder.Environment.IsDevelopment() ? true : null);
        builder.Services.AddCoProduceCore(builder.Configuration, seedDemo);

        builder.AddReadinessProbe("database", (services, cancellationToken) =>
            services.GetRequiredService<DatabaseMigrator>().IsUpToDateAsync(cancellationToken));
        builder.Services.AddScoped<IDraftSessionTerminator, DraftSessionTerminator>();
        builder.Services.AddSingleton<SafeMarkdown>();
        return builder;
    }
}
