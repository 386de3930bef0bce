using CoProduce.Core;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Commands;

/// <summary>
/// <c>dotnet run --project src/CoProduce.Server -- create-admin --email X --organisation Y [--password P]</c>:
/// migrates the configured database and creates an administrator in an organisation (by name or id;
/// a new commissioning body is created when no organisation has that name). Without
/// <c>--password</c> a temporary password is generated, printed once, and must be changed at the
/// first sign-in. This is how the first account of a real installation is made.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    private const string Usage = "Usage: dotnet run --project src/CoProduce.Server -- create-admin --email EMAIL --organisation NAME-OR-ID [--name DISPLAY-NAME] [--password PASSWORD] [--Key=Value ...]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>0 created, 1 refused (e.g. the email is taken), 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--email" or "--organisation" or "--name" or "--password" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
        }

        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("organisation", out var organisationArgument))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddCoProduceCore(configuration, seedDemoContent: false);
        services.AddStaffIdentityStore(configuration);
        services.AddScoped<StaffAccounts>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var organisation = await ImportCommand.FindOrganisationAsync(db, organisationArgument);
        if (organisation is null)
        {
            var created = new Organisation(OrganisationId.New(), organisationArgument, OrganisationKind.CommissioningBody, Core.Consultations.Jurisdiction.England);
            db.Organisations.Add(created);
            await db.SaveChangesAsync();
            organisation = created.Id;
            await output.WriteLineAsync($"Created organisation \"{created.Name}\" ({created.Id}); edit its details at /staff/admin/organisations.");
        }

        options.TryGetValue("password", out var password);
        var request = new CreateStaffUserRequest(email, options.GetValueOrDefault("name") ?? email, organisation.Value, StaffRoles.Administrator);
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(null, request, password);
        if (result.IsFailure)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync($"{e.Code}{(e.Path is null ? "" : $" ({e.Path})")}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Created administrator {email} ({result.Value.Id}).");
        if (password is null)
        {
            await output.WriteLineAsync($"Temporary password (shown once; change it at first sign-in): {result.Value.TemporaryPassword}");
        }

        return 0;
    }
}
