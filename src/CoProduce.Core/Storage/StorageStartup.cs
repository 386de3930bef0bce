using CoProduce.Core.Consultations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Storage;

/// <summary>
/// Runs before the web server starts listening: applies migrations, then seeds the demo content
/// when asked to.
/// </summary>
internal sealed partial class StorageStartup(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> storage,
    IOptions<DemoContentOptions> demo,
    TimeProvider time,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (storage.Value.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        if (demo.Value.Enabled)
        {
            var path = Path.IsPathRooted(demo.Value.File) ? demo.Value.File : Path.Combine(AppContext.BaseDirectory, demo.Value.File);
            if (!File.Exists(path))
            {
                LogDemoMissing(logger, path);
                return;
            }

            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var result = await DemoContent.SeedAsync(db, time, path, cancellationToken);
            if (result is { IsFailure: true })
            {
                throw new InvalidOperationException($"The demo content {path} is invalid: {string.Join("; ", result.Errors)}");
            }

            if (result is { IsSuccess: true })
            {
                LogDemoSeeded(logger, result.Value.Reference);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo content file {Path} not found; nothing seeded.")]
    private static partial void LogDemoMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo consultation {Reference}.")]
    private static partial void LogDemoSeeded(ILogger logger, string reference);
}

/// <summary>Every few minutes, writes down opened/closed consultations and deletes expired drafts.</summary>
internal sealed partial class LifecycleSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<LifecycleSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sweep = await scope.ServiceProvider.GetRequiredService<CloseExpiredConsultations>().HandleAsync(stoppingToken);
                if (sweep.Opened + sweep.Closed + sweep.DraftsDeleted > 0)
                {
                    LogSwept(logger, sweep.Opened, sweep.Closed, sweep.DraftsDeleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle sweep: {Opened} opened, {Closed} closed, {Drafts} expired drafts deleted.")]
    private static partial void LogSwept(ILogger logger, int opened, int closed, int drafts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lifecycle sweep failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
