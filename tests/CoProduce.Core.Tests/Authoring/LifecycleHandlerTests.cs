using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Authoring;

public sealed class LifecycleHandlerTestsSqlite(SqliteTestDatabase database) : LifecycleHandlerTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class LifecycleHandlerTestsPostgres(PostgresTestDatabase database) : LifecycleHandlerTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>The lifecycle actions on a real database, with respondents' drafts.</summary>
public abstract class LifecycleHandlerTests(TestDatabase database) : AuthoringTestBase(database)
{
    private async Task<Consultation> DraftNeedingApprovalAsync()
    {
        var draft = await ImportDraftAsync();
        var changed = await Run<UpdateConsultationSettings, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateConsultationSettingsRequest(draft.Id, draft.Settings with { RequiresApproval = true })));
        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));
        return changed.Value;
    }

    [Fact]
    public async Task ApproveConsultation_BySubmitter_ReturnsForbidden()
    {
        var draft = await DraftNeedingApprovalAsync();
        Assert.True((await Run<SubmitConsultationForApproval, Result<Consultation>>(h => h.HandleAsync(Ann, new SubmitConsultationForApprovalRequest(draft.Id)))).IsSuccess);

        var approved = await Run<ApproveConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, new ApproveConsultationRequest(draft.Id)));

        Assert.Equal(ErrorCodes.Forbidden, approved.FirstError?.Code);
        Assert.Equal(ConsultationStatus.AwaitingApproval, (await ReloadAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task ApproveConsultation_ByColleague_SchedulesAndAudits()
    {
        var draft = await DraftNeedingApprovalAsync();
        await Run<SubmitConsultationForApproval, Result<Consultation>>(h => h.HandleAsync(Ann, new SubmitConsultationForApprovalRequest(draft.Id)));

        var approved = await Run<ApproveConsultation, Result<Consultation>>(h => h.HandleAsync(Aled, new ApproveConsultationRequest(draft.Id)));

        Assert.True(approved.IsSuccess, string.Join("; ", approved.Errors));
        var stored = await ReloadAsync(draft.Id);
        Assert.Equal(ConsultationStatus.Scheduled, stored.Status);
        Assert.NotNull(stored.ApprovedOn);
        Assert.Contains(AuthoringAuditActions.Approve, await AuditActionsAsync(draft.Id.ToString()));
        Assert.Contains(AuthoringAuditActions.SubmitForApproval, await AuditActionsAsync(draft.Id.ToString()));
    }

    [Fact]
    public async Task SubmitConsultationForApproval_OtherOrganisation_ReturnsNotFound()
    {
        var draft = await DraftNeedingApprovalAsync();

        Assert.Equal(ErrorCodes.NotFound, (await Run<SubmitConsultationForApproval, Result<Consultation>>(h => h.HandleAsync(Bea, new SubmitConsultationForApprovalRequest(draft.Id)))).FirstError?.Code);
    }

    [Fact]
    public async Task ReturnConsultationToDraft_AwaitingApproval_AllowsEditingAgain()
    {
        var draft = await DraftNeedingApprovalAsync();
        await Run<SubmitConsultationForApproval, Result<Consultation>>(h => h.HandleAsync(Ann, new SubmitConsultationForApprovalRequest(draft.Id)));
        var whileAwaiting = await Run<RemoveSection, Result<Consultation>>(h => h.HandleAsync(Ann, new RemoveSectionRequest(draft.Id, SampleConsultation.Experience)));

        var returned = await Run<ReturnConsultationToDraft, Result<Consultation>>(h => h.HandleAsync(Aled, new ReturnConsultationToDraftRequest(draft.Id)));
        var afterwards = await Run<RemoveSection, Result<Consultation>>(h => h.HandleAsync(Ann, new RemoveSectionRequest(draft.Id, SampleConsultation.Experience)));

        Assert.Equal(ErrorCodes.AuthoringNotEditable, whileAwaiting.FirstError?.Code);
        Assert.True(returned.IsSuccess);
        Assert.True(afterwards.IsSuccess, string.Join("; ", afterwards.Errors));
        var stored = await ReloadAsync(draft.Id);
        Assert.Null(stored.SubmittedForApprovalBy);
        Assert.Single(stored.Questionnaire.Sections);
    }

    [Fact]
    public async Task ExtendConsultationClosingDate_RespondentHasDraft_ResumeCodeWorksAfterTheOldDate()
    {
        var open = await OpenAsync();
        var token = await StartAsync(open.Reference);
        await SaveAsync(token, SampleConsultation.Services, (SampleConsultation.Town, ["Bangor"]));
        var saved = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));

        var extended = await Run<ExtendConsultationClosingDate, Result<Consultation>>(h => h.HandleAsync(Ann, new ExtendConsultationClosingDateRequest(open.Id, open.ClosesAt.AddDays(14))));
        Time.SetUtcNow(open.ClosesAt.AddDays(7));
        await Run<CloseExpiredConsultations, LifecycleSweep>(h => h.HandleAsync());
        var resumed = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(saved.Value.ResumeCode.Display));

        Assert.True(extended.IsSuccess, string.Join("; ", extended.Errors));
        Assert.Equal(1, await CountAsync(db => db.Drafts.Where(d => d.ConsultationId == open.Id)));
        Assert.True(resumed.IsSuccess, string.Join("; ", resumed.Errors));
        var draft = await GetDraftAsync(resumed.Value.SessionToken);
        Assert.True(draft.IsSuccess);
    }

    [Fact]
    public async Task CloseConsultationEarly_ThenReopen_RefusesThenAcceptsResponses()
    {
        var open = await OpenAsync();

        var closed = await Run<CloseConsultationEarly, Result<Consultation>>(h => h.HandleAsync(Ann, new CloseConsultationEarlyRequest(open.Id)));
        var refused = await Run<StartResponse, Result<StartedResponse>>(h => h.HandleAsync(open.Reference));
        var reopened = await Run<ReopenConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, new ReopenConsultationRequest(open.Id, Time.GetUtcNow().AddDays(10))));

        Assert.True(closed.IsSuccess);
        Assert.True(refused.IsFailure);
        Assert.True(reopened.IsSuccess, string.Join("; ", reopened.Errors));
        await StartAsync(open.Reference);
        Assert.Equal(
            [AuthoringAuditActions.CloseEarly, AuthoringAuditActions.Import, AuthoringAuditActions.Open, AuthoringAuditActions.Reopen],
            await AuditActionsAsync(open.Id.ToString()));
    }

    [Fact]
    public async Task ArchiveConsultation_Open_ReturnsInvalidTransitionThenArchivesOnceClosed()
    {
        var open = await OpenAsync();

        var tooEarly = await Run<ArchiveConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, new ArchiveConsultationRequest(open.Id)));
        Time.SetUtcNow(open.ClosesAt.AddDays(1));
        var archived = await Run<ArchiveConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, new ArchiveConsultationRequest(open.Id)));

        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, tooEarly.FirstError?.Code);
        Assert.True(archived.IsSuccess);
        Assert.Equal(ConsultationStatus.Archived, (await ReloadAsync(open.Id)).Status);
        var list = await Run<ListStaffConsultations, IReadOnlyList<StaffConsultationSummary>>(h => h.HandleAsync(Ann, new ListStaffConsultationsRequest()));
        Assert.DoesNotContain(list, c => c.Id == open.Id);
    }

    [Fact]
    public async Task ScheduleConsultation_Analyst_ReturnsNotFoundForDraft()
    {
        var draft = await ImportDraftAsync();

        Assert.Equal(ErrorCodes.NotFound, (await Run<ScheduleConsultation, Result<Consultation>>(h => h.HandleAsync(Analyst, new ScheduleConsultationRequest(draft.Id)))).FirstError?.Code);
    }

    [Fact]
    public async Task ScheduleConsultation_Administrator_SchedulesAnyOrganisationsDraft()
    {
        var draft = await ImportDraftAsync();

        var scheduled = await Run<ScheduleConsultation, Result<Consultation>>(h => h.HandleAsync(Admin, new ScheduleConsultationRequest(draft.Id)));

        Assert.True(scheduled.IsSuccess, string.Join("; ", scheduled.Errors));
        Assert.Equal(ConsultationStatus.Scheduled, (await ReloadAsync(draft.Id)).Status);
    }
}
