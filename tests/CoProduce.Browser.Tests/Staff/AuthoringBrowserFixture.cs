using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Browser.Tests.Staff;

/// <summary>The browser fixture with a commissioning organisation and one commissioner account.</summary>
public sealed class AuthoringBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const string Email = "author@commissioner.example";
    public const string Password = "Browser-author-password-7";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var organisation = new Organisation(OrganisationId.New(), "Partneriaeth Ranbarthol", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(null, new CreateStaffUserRequest(Email, "Author", organisation.Id, StaffRoles.Commissioner), Password);
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
    }
}

[CollectionDefinition(Name)]
public sealed class AuthoringBrowserCollection : ICollectionFixture<AuthoringBrowserFixture>
{
    public const string Name = "authoring-browser";
}
