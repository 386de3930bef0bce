using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Staff;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Browser.Tests.Staff;

/// <summary>The browser fixture with a commissioning organisation and one commissioner account.</summary>
public sealed class AuthoringBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public const string Email = "author@commissioner.example";
    public const string Password = "Browser-author-password-7";

    /// <summary>An open consultation of the organisation (the sample: every question type), with one keyed-in response.</summary>
    public ConsultationId Sample { get; private set; }

    public ResponseId SampleResponse { get; private set; }

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

        var actor = new StaffActor(created.Value.Id, organisation.Id, StaffRoles.Commissioner, "Author");
        var now = DateTimeOffset.UtcNow;
        var json = ConsultationDefinitionWriter.Write(SampleConsultation.Definition("BSAMPLE1", now.AddDays(1), now.AddDays(30)));
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultationDefinition>().HandleAsync(actor, new ImportConsultationDefinitionRequest(json));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Sample = imported.Value.Id;
        var opened = await scope.ServiceProvider.GetRequiredService<OpenConsultationNow>().HandleAsync(actor, new OpenConsultationNowRequest(Sample));
        Assert.True(opened.IsSuccess, string.Join("; ", opened.Errors));
        var keyed = await scope.ServiceProvider.GetRequiredService<KeyInResponse>().HandleAsync(actor, new KeyInResponseRequest(
            Sample, ResponseChannel.Post, DateOnly.FromDateTime(now.UtcDateTime), RespondentChoices.Default, SampleConsultation.Form((SampleConsultation.Town, ["Llandudno"]))));
        Assert.True(keyed.IsSuccess, string.Join("; ", keyed.Errors));
        SampleResponse = db.Responses.Single(r => r.ConsultationId == Sample).Id;
    }
}

[CollectionDefinition(Name)]
public sealed class AuthoringBrowserCollection : ICollectionFixture<AuthoringBrowserFixture>
{
    public const string Name = "authoring-browser";
}
