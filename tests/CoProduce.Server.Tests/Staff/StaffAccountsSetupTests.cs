using CoProduce.Core.Staff;
using CoProduce.Server.Commands;
using CoProduce.Server.Staff;
using CoProduce.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Staff;

/// <summary>Demo accounts only in Development; the create-admin command for every other environment.</summary>
public sealed class StaffAccountsSetupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Startup_OutsideDevelopmentEvenWithDemoContent_HasNoAccount(string environment)
    {
        using var factory = new ServerFactory
        {
            EnvironmentName = environment,
            Settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true" },
        };
        factory.CreateHttpsClient();

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.CountAsync());
        Assert.DoesNotContain(factory.Logs, l => l.Contains("demo sign-in", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Startup_DevelopmentWithDemoContent_SeedsDocumentedAccountsAndPrintsThem()
    {
        using var factory = new ServerFactory { Settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true" } };
        var browser = factory.Browser();

        foreach (var account in DemoStaffAccounts.Accounts)
        {
            Assert.Contains(factory.Logs, l => l.Contains(account.Email, StringComparison.Ordinal) && l.Contains(account.Password, StringComparison.Ordinal));
        }

        var admin = DemoStaffAccounts.Accounts.Single(a => a.Roles == StaffRoles.Administrator);
        await browser.SignInAsync(admin.Email, admin.Password);
        Assert.Equal("/staff", browser.Path);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.All(DemoStaffAccounts.Accounts, a => Assert.Contains(a.Password, readme, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAdmin_NewOrganisationName_CreatesAdministratorWhoMustChangeThePrintedPassword()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coproduce-create-admin-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder, ["contentRoot"] = folder }).Build();
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await CreateAdminCommand.RunAsync(["create-admin", "--email", "first@example.org", "--organisation", "Gwent Partnership"], configuration, output, error);

            Assert.Equal(0, exit);
            var password = output.ToString().Split('\n').Single(l => l.StartsWith("Temporary password", StringComparison.Ordinal)).Split(": ")[1].Trim();
            using var factory = new ServerFactory { EnvironmentName = "Production", Settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder } };
            var browser = new Journey.JourneyClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://coproduce.example/") }));
            await browser.SignInAsync("first@example.org", password);
            Assert.Equal("/staff/account/password", browser.Path);

            var again = await CreateAdminCommand.RunAsync(["create-admin", "--email", "first@example.org", "--organisation", "Gwent Partnership"], configuration, new StringWriter(), error);
            Assert.Equal(1, again);
            Assert.Contains("Error.Staff.EmailTaken", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task CreateAdmin_MissingArguments_PrintsUsage()
    {
        var error = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(["create-admin", "--email", "x@example.org"], new ConfigurationBuilder().Build(), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Usage", error.ToString(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoProduce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
