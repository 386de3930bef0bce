using CoProduce.Core;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Commands;

/// <summary>
/// <c>dotnet run --project src/CoProduce.Server -- import FILE [--organisation NAME-OR-ID]</c>: migrates
/// the configured database, then creates a consultation from a definition file, owned by the given
/// organisation, printing located errors when it is invalid.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public const string OrganisationOption = "--organisation";

    private const string Usage = "Usage: dotnet run --project src/CoProduce.Server -- import FILE [--organisation NAME-OR-ID] [--Key=Value ...]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>An organisation by id, or else by exact name.</summary>
    public static async Task<OrganisationId?> FindOrganisationAsync(CoProduceDbContext db, string nameOrId)
    {
        if (Guid.TryParse(nameOrId, out var guid))
        {
            var id = new OrganisationId(guid);
            if (await db.Organisations.AnyAsync(o => o.Id == id))
            {
                return id;
            }
        }

        var name = nameOrId.Trim();
        var found = await db.Organisations.Where(o => o.Name == name).Select(o => (OrganisationId?)o.Id).FirstOrDefaultAsync();
        return found;
    }

    /// <returns>The process exit code: 0 imported, 1 invalid file, 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        // --organisation takes the next argument; anything else starting with -- is a configuration
        // override (e.g. --Storage:Provider=Postgres).
        var rest = args.Skip(1).ToList();
        string? organisationArgument = null;
        var at = rest.FindIndex(a => a is OrganisationOption);
        if (at >= 0)
        {
            if (at + 1 >= rest.Count)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            organisationArgument = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        var files = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (files.Length != 1)
        {
            await Console.Error.WriteLineAsync(Usage);
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

        OrganisationId? owner = null;
        if (organisationArgument is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            owner = await FindOrganisationAsync(db, organisationArgument);
            if (owner is null)
            {
                await Console.Error.WriteLineAsync($"{organisationArgument}: no organisation has this name or id.");
                return 2;
            }
        }

        var result = await scope.ServiceProvider.GetRequiredService<ImportConsultation>().HandleAsync(await File.ReadAllTextAsync(file), owner);
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
