using System.Net;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Tests.Infrastructure;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Staff;

/// <summary>The administrator's pages: organisations, accounts and analyst assignment, with bad input.</summary>
public sealed class AdminPagesTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Organisation_EmptyThenDuplicateName_ShowsErrorsAndSavesNothing()
    {
        var browser = await AdminAsync();
        await browser.GetAsync("/cy/staff/admin/organisations/edit");

        await browser.PostAsync("/cy/staff/admin/organisations/edit", ("name", " "), ("kind", "CommissioningBody"), ("jurisdiction", "Wales"), ("welsh", "Full"));
        Assert.Equal(["Rhowch enw’r sefydliad."], browser.ErrorSummary());

        var name = $"Duplicate {Guid.NewGuid():N}";
        await browser.PostAsync("/staff/admin/organisations/edit", ("name", name), ("kind", "SpecialistService"), ("jurisdiction", "England"), ("welsh", "None"), ("communities", "Deaf women\nDeaf girls"), ("by-and-for", "true"));
        Assert.EndsWith("/staff/admin/organisations", browser.Path, StringComparison.Ordinal);
        await browser.GetAsync("/staff/admin/organisations/edit");
        await browser.PostAsync("/staff/admin/organisations/edit", ("name", name), ("kind", "Other"), ("jurisdiction", "England"), ("welsh", "None"));
        Assert.Equal(["There is already an organisation with this name."], browser.ErrorSummary());

        await using var scope = factory.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Organisations.SingleAsync(o => o.Name == name);
        Assert.Equal(["Deaf women", "Deaf girls"], saved.CommunitiesServed);
        Assert.True(saved.IsByAndFor);
    }

    [Fact]
    public async Task NewUser_BadInput_ShowsEveryErrorAndKeepsWhatWasTyped()
    {
        var browser = await AdminAsync();
        await browser.GetAsync("/staff/admin/users/new");

        await browser.PostAsync("/staff/admin/users/new", ("email", "not-an-email"), ("display-name", "Kept Name"), ("organisation", ""));

        Assert.Equal(3, browser.ErrorSummary().Count);
        Assert.Contains("value=\"Kept Name\"", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignAnalyst_OnPage_LetsTheAnalystReadResponsesOfThatConsultation()
    {
        var owner = await factory.AddOrganisationAsync();
        var (analyst, _) = await factory.AddStaffAsync(StaffRoles.Analyst);
        var consultation = await ImportDraftAsync(owner);
        var browser = await AdminAsync();
        await browser.GetAsync("/staff/admin/analysts");

        await browser.PostAsync("/staff/admin/analysts?handler=Assign", ("consultation", consultation.Value.ToString()), ("analyst", analyst.Value.ToString()));

        Assert.Contains("Test Analyst", browser.Html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ConsultationAccess>();
        var actor = new StaffActor(analyst, default, StaffRoles.Analyst, "Test Analyst");
        Assert.True((await access.AuthorizeAsync(actor, consultation, ConsultationPermission.ReadResponses, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task AssignAnalyst_UserWhoIsNotAnAnalyst_IsRefused()
    {
        var owner = await factory.AddOrganisationAsync();
        var (facilitator, _) = await factory.AddStaffAsync(StaffRoles.Facilitator);
        var consultation = await ImportDraftAsync(owner);
        var browser = await AdminAsync();
        await browser.GetAsync("/staff/admin/analysts");

        await browser.PostAsync("/staff/admin/analysts?handler=Assign", ("consultation", consultation.Value.ToString()), ("analyst", facilitator.Value.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, browser.Status);
    }

    private async Task<Journey.JourneyClient> AdminAsync()
    {
        var (_, email) = await factory.AddStaffAsync(StaffRoles.Administrator);
        var browser = factory.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    private async Task<ConsultationId> ImportDraftAsync(Core.Organisations.OrganisationId owner)
    {
        var now = DateTimeOffset.UtcNow;
        var reference = $"A{Random.Shared.Next(100_000, 999_999)}";
        await using var scope = factory.Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultation>()
            .HandleAsync(SampleConsultation.Definition(reference, now.AddDays(1), now.AddDays(30)) with { Publish = false }, owner);
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        return imported.Value.Id;
    }
}
