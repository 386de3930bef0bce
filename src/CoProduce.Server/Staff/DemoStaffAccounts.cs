using CoProduce.Core;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Staff;

/// <summary>
/// Development only (registered only there, and only when the demo content is seeded): demo staff
/// accounts with fixed passwords, listed in README and printed at start-up. No other environment has
/// any default account; the first administrator comes from the <c>create-admin</c> command.
/// </summary>
public sealed partial class DemoStaffAccounts(IServiceScopeFactory scopes, IOptions<DemoContentOptions> demo, ILogger<DemoStaffAccounts> logger) : IHostedService
{
    public sealed record DemoAccount(string Email, string Password, string DisplayName, StaffRoles Roles, OrganisationId Organisation);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@coproduce.example", "Demo-Admin-Password-1", "Demo administrator", StaffRoles.Administrator, DemoOrganisation.CommissionerId),
        new("commissioner@coproduce.example", "Demo-Commissioner-Password-1", "Demo commissioner", StaffRoles.Commissioner, DemoOrganisation.CommissionerId),
        new("analyst@coproduce.example", "Demo-Analyst-Password-1", "Demo analyst", StaffRoles.Analyst, DemoOrganisation.CommissionerId),
        new("facilitator@coproduce.example", "Demo-Facilitator-Password-1", "Demo facilitator", StaffRoles.Facilitator, DemoOrganisation.ServiceId),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await DemoOrganisation.EnsureAsync(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>(), cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                var created = await accounts.CreateAsync(null, new CreateStaffUserRequest(account.Email, account.DisplayName, account.Organisation, account.Roles), account.Password, cancellationToken);
                if (created.IsFailure)
                {
                    throw new InvalidOperationException($"Demo account {account.Email} could not be created: {string.Join("; ", created.Errors)}");
                }
            }

            LogDemoAccount(logger, account.Roles, account.Email, account.Password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development demo sign-in ({Roles}): {Email} / {Password} — at /staff/sign-in")]
    private static partial void LogDemoAccount(ILogger logger, StaffRoles roles, string email, string password);
}
