using CoProduce.Core;
using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;

namespace CoProduce.Server.Commands;

/// <summary>
/// <c>dotnet run --project src/CoProduce.Server -- import FILE</c>: migrates the configured database,
/// then creates a consultation from a definition file, printing located errors when it is invalid.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code: 0 imported, 1 invalid file, 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        // Anything starting with -- is a configuration override (e.g. --Storage:Provider=Postgres).
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (files.Length != 1)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CoProduce.Server -- import FILE [--Key=Value ...]");
            return 2;
        }

        // dotnet run starts the process in the project folder; a relative path means the shell's folder.
        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        var file = Path.GetFullPath(files[0]);
        if (!File.Exists(file) && shellFolder is not null)
        {
            file = Path.GetFullPath(Path.Combine(shellFolder, files[0]));
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file}: file not found.");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddCoProduceCore(configuration, seedDemoContent: false);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var result = await scope.ServiceProvider.GetRequiredService<ImportConsultation>().HandleAsync(await File.ReadAllTextAsync(file));
        if (result.IsSuccess)
        {
            Console.WriteLine($"Imported {result.Value.Reference} ({result.Value.Status}).");
            return 0;
        }

        foreach (var error in result.Errors)
        {
            var where = error.Position is { } p ? $"{file}({p.Line},{p.Column})" : file;
            var args2 = error.Arguments.Count > 0 ? $" [{string.Join(", ", error.Arguments)}]" : "";
            await Console.Error.WriteLineAsync($"{where}: {error.Code} at {error.Path}{args2}");
        }

        return 1;
    }
}
