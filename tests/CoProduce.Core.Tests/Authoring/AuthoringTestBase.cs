using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Authoring;

/// <summary>
/// Two organisations with their staff, on a real database: commissioners Ann and Aled of
/// organisation A, Bea of organisation B, an administrator, an analyst and a facilitator of A.
/// </summary>
public abstract class AuthoringTestBase(TestDatabase database) : HandlerTestBase(database), IAsyncLifetime
{
    protected OrganisationId OrgA { get; } = OrganisationId.New();

    protected OrganisationId OrgB { get; } = OrganisationId.New();

    protected StaffActor Ann => new(new StaffUserId(AnnId), OrgA, StaffRoles.Commissioner, "Ann");

    protected StaffActor Aled => new(new StaffUserId(AledId), OrgA, StaffRoles.Commissioner, "Aled");

    protected StaffActor Bea => new(new StaffUserId(BeaId), OrgB, StaffRoles.Commissioner, "Bea");

    protected StaffActor Admin => new(new StaffUserId(AdminId), OrgB, StaffRoles.Administrator, "Admin");

    protected StaffActor Analyst => new(new StaffUserId(AnalystId), OrgA, StaffRoles.Analyst, "Analyst");

    protected StaffActor Facilitator => new(new StaffUserId(FacilitatorId), OrgA, StaffRoles.Facilitator, "Facilitator");

    private Guid AnnId { get; } = Guid.NewGuid();

    private Guid AledId { get; } = Guid.NewGuid();

    private Guid BeaId { get; } = Guid.NewGuid();

    private Guid AdminId { get; } = Guid.NewGuid();

    private Guid AnalystId { get; } = Guid.NewGuid();

    private Guid FacilitatorId { get; } = Guid.NewGuid();

    public new async Task InitializeAsync()
    {
        await using var db = Database.CreateContext();
        db.Organisations.Add(new Organisation(OrgA, $"Org A {OrgA}", OrganisationKind.CommissioningBody, Jurisdiction.Wales));
        db.Organisations.Add(new Organisation(OrgB, $"Org B {OrgB}", OrganisationKind.CommissioningBody, Jurisdiction.England));
        await db.SaveChangesAsync();
    }

    protected Task<Result<T>> As<THandler, T>(Func<THandler, Task<Result<T>>> call)
        where THandler : notnull => Run(call);

    /// <summary>Imports the sample consultation as a draft of organisation A (opening in a day, for four weeks).</summary>
    protected async Task<Consultation> ImportDraftAsync(StaffActor? actor = null, DateTimeOffset? opensAt = null)
    {
        var now = Time.GetUtcNow();
        var opens = opensAt ?? now.AddDays(1);
        var json = ConsultationDefinitionWriter.Write(SampleConsultation.Definition(NewReference(), opens, opens.AddDays(28)));
        var imported = await Run<ImportConsultationDefinition, Result<Consultation>>(h => h.HandleAsync(actor ?? Ann, new ImportConsultationDefinitionRequest(json)));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        return imported.Value;
    }

    /// <summary>A draft of organisation A opened now by Ann.</summary>
    protected async Task<Consultation> OpenAsync()
    {
        var draft = await ImportDraftAsync();
        var opened = await Run<OpenConsultationNow, Result<Consultation>>(h => h.HandleAsync(Ann, new OpenConsultationNowRequest(draft.Id)));
        Assert.True(opened.IsSuccess, string.Join("; ", opened.Errors));
        return opened.Value;
    }

    protected async Task<Consultation> ReloadAsync(ConsultationId id)
    {
        await using var db = Database.CreateContext();
        return db.Consultations.Single(c => c.Id == id);
    }

    protected async Task<string[]> AuditActionsAsync(string subjectId)
    {
        await using var db = Database.CreateContext();
        return db.AuditEntries.Where(a => a.SubjectId == subjectId).Select(a => a.Action).OrderBy(a => a).ToArray();
    }
}
