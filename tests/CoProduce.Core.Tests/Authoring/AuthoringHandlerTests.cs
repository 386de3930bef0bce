using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Authoring;

public sealed class AuthoringHandlerTestsSqlite(SqliteTestDatabase database) : AuthoringHandlerTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class AuthoringHandlerTestsPostgres(PostgresTestDatabase database) : AuthoringHandlerTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Authoring, editing and export/import use cases on a real database.</summary>
public abstract class AuthoringHandlerTests(TestDatabase database) : AuthoringTestBase(database)
{
    private CreateConsultationRequest NewRequest(string? reference = null) => new(
        reference ?? NewReference(),
        new LocalizedText("Refuge provision", ""),
        Jurisdiction.Wales,
        Audience.Public,
        CommissioningPhase.Plan,
        DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime),
        Time.GetUtcNow().AddDays(7),
        Time.GetUtcNow().AddDays(91),
        RequiresApproval: false);

    [Fact]
    public async Task CreateConsultation_Commissioner_CreatesAuditedDraftOfTheirOrganisation()
    {
        var created = await Run<CreateConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, NewRequest()));

        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var stored = await ReloadAsync(created.Value.Id);
        Assert.Equal(ConsultationStatus.Draft, stored.Status);
        Assert.Equal(OrgA, stored.OwnerOrganisationId);
        Assert.Equal("Refuge provision", stored.Details.Title.En);
        Assert.Equal([AuthoringAuditActions.Create], await AuditActionsAsync(stored.Id.ToString()));
    }

    [Fact]
    public async Task CreateConsultation_Facilitator_ReturnsForbidden()
    {
        var created = await Run<CreateConsultation, Result<Consultation>>(h => h.HandleAsync(Facilitator, NewRequest()));

        Assert.Equal(ErrorCodes.Forbidden, created.FirstError?.Code);
    }

    [Fact]
    public async Task CreateConsultation_TakenReferenceAndBadDates_ReturnsBothErrors()
    {
        var draft = await ImportDraftAsync();

        var created = await Run<CreateConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, NewRequest(draft.Reference.ToLowerInvariant()) with { ClosesAt = Time.GetUtcNow() }));

        Assert.Equal([ErrorCodes.ImportDuplicateReference, ErrorCodes.ImportInvalidDates], created.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task CheckConsultationReadiness_NewConsultation_ListsMissingTextsAndNoQuestions()
    {
        var created = (await Run<CreateConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, NewRequest()))).Value;

        var report = (await Run<CheckConsultationReadiness, Result<ReadinessReport>>(h => h.HandleAsync(Ann, created.Id))).Value;

        Assert.False(report.IsReady);
        Assert.Contains(report.Problems, p => p.Code == ErrorCodes.ImportMissingTranslation && p.Path == "$.title.cy");
        Assert.Contains(report.Problems, p => p.Code == ErrorCodes.ImportMissingTranslation && p.Path == "$.dataProtection.controller.en");
        Assert.Contains(report.Problems, p => p.Code == ErrorCodes.ImportMissingValue && p.Path == "$.questionnaire.sections");
    }

    [Fact]
    public async Task ScheduleConsultation_WelshMissing_ReturnsNotReadyAndStaysDraft()
    {
        var draft = await ImportDraftAsync();
        await Run<UpdateConsultationDetails, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateConsultationDetailsRequest(draft.Id, draft.Details with { Summary = new("Summary", "") })));

        var scheduled = await Run<ScheduleConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, new ScheduleConsultationRequest(draft.Id)));

        Assert.Equal(ErrorCodes.ConsultationNotReady, scheduled.FirstError?.Code);
        Assert.Contains(scheduled.Errors, e => e.Path == "$.summary.cy");
        Assert.Equal(ConsultationStatus.Draft, (await ReloadAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task QuestionnaireHandlers_BuildFromEmpty_ReadyToOpenAndRespondentCanStart()
    {
        var created = (await Run<CreateConsultation, Result<Consultation>>(h => h.HandleAsync(Ann, NewRequest()))).Value;
        var sample = SampleConsultation.Definition(created.Reference, Time.GetUtcNow().AddDays(7), Time.GetUtcNow().AddDays(91));
        var id = created.Id;
        var section = new Section { Id = new("your-views"), Title = new("Your views", "Eich barn") };

        Assert.True((await Run<UpdateConsultationDetails, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateConsultationDetailsRequest(id, sample.ToDetails())))).IsSuccess);
        Assert.True((await Run<AddSection, Result<Consultation>>(h => h.HandleAsync(Ann, new AddSectionRequest(id, section)))).IsSuccess);
        Assert.True((await Run<AddQuestion, Result<Consultation>>(h => h.HandleAsync(Ann, new AddQuestionRequest(id, section.Id, new Question
        {
            Id = new("what-helps"),
            Type = QuestionType.LongText,
            Text = new("What helps?", "Beth sy'n helpu?"),
        })))).IsSuccess);
        Assert.True((await Run<SetEqualityMonitoring, Result<Consultation>>(h => h.HandleAsync(Ann, new SetEqualityMonitoringRequest(id, true)))).IsSuccess);
        var opened = await Run<OpenConsultationNow, Result<Consultation>>(h => h.HandleAsync(Ann, new OpenConsultationNowRequest(id)));

        Assert.True(opened.IsSuccess, string.Join("; ", opened.Errors));
        Assert.Equal(ConsultationStatus.Open, (await ReloadAsync(id)).Status);
        await StartAsync(created.Reference);
        Assert.Equal(
            [AuthoringAuditActions.Create, AuthoringAuditActions.EditQuestionnaire, AuthoringAuditActions.EditQuestionnaire, AuthoringAuditActions.EditQuestionnaire, AuthoringAuditActions.Open, AuthoringAuditActions.UpdateDetails],
            await AuditActionsAsync(id.ToString()));
    }

    [Fact]
    public async Task UpdateConsultationDetails_OtherOrganisationsDraft_ReturnsNotFoundAndChangesNothing()
    {
        var draft = await ImportDraftAsync();

        var result = await Run<UpdateConsultationDetails, Result<Consultation>>(h => h.HandleAsync(Bea, new UpdateConsultationDetailsRequest(draft.Id, draft.Details with { Title = new("Hijacked", "Hijacked") })));

        Assert.Equal(ErrorCodes.NotFound, result.FirstError?.Code);
        Assert.Equal(draft.Details.Title, (await ReloadAsync(draft.Id)).Details.Title);
        Assert.DoesNotContain(AuthoringAuditActions.UpdateDetails, await AuditActionsAsync(draft.Id.ToString()));
    }

    [Fact]
    public async Task UpdateConsultationDetails_OtherOrganisationsOpenConsultation_ReturnsForbidden()
    {
        var open = await OpenAsync();

        var result = await Run<UpdateConsultationDetails, Result<Consultation>>(h => h.HandleAsync(Bea, new UpdateConsultationDetailsRequest(open.Id, open.Details)));

        Assert.Equal(ErrorCodes.Forbidden, result.FirstError?.Code);
    }

    [Fact]
    public async Task RemoveQuestion_Open_ReturnsTextsOnlyButWordingFixIsSaved()
    {
        var open = await OpenAsync();
        var town = open.Questionnaire.Sections[0].Questions.Single(q => q.Id == SampleConsultation.Town);

        var removed = await Run<RemoveQuestion, Result<Consultation>>(h => h.HandleAsync(Ann, new RemoveQuestionRequest(open.Id, SampleConsultation.Town)));
        var fixedTypo = await Run<UpdateQuestion, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateQuestionRequest(open.Id, town.Id, town with { Text = new("Nearest town or city", "Tref neu ddinas agosaf") })));

        Assert.Equal(ErrorCodes.AuthoringTextsOnly, removed.FirstError?.Code);
        Assert.True(fixedTypo.IsSuccess, string.Join("; ", fixedTypo.Errors));
        var stored = await ReloadAsync(open.Id);
        Assert.Equal("Nearest town or city", stored.Questionnaire.Sections[0].Questions.Single(q => q.Id == SampleConsultation.Town).Text.En);
    }

    [Fact]
    public async Task UpdateConsultationSettings_TakenReference_ReturnsDuplicateReference()
    {
        var first = await ImportDraftAsync();
        var second = await ImportDraftAsync();

        var result = await Run<UpdateConsultationSettings, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateConsultationSettingsRequest(second.Id, second.Settings with { Reference = first.Reference.ToLowerInvariant() })));

        Assert.Equal(ErrorCodes.ImportDuplicateReference, result.FirstError?.Code);
    }

    [Fact]
    public async Task UpdateConsultationSettings_Draft_ChangesAndNormalisesReference()
    {
        var draft = await ImportDraftAsync();
        var reference = NewReference();

        var result = await Run<UpdateConsultationSettings, Result<Consultation>>(h => h.HandleAsync(Ann, new UpdateConsultationSettingsRequest(draft.Id, draft.Settings with { Reference = reference.ToLowerInvariant(), Audience = Audience.InviteOnly })));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var stored = await ReloadAsync(draft.Id);
        Assert.Equal(reference, stored.Reference);
        Assert.Equal(Audience.InviteOnly, stored.Audience);
    }

    [Fact]
    public async Task ExportThenImport_AsCopy_GivesTheSameDefinitionAsADraftOfTheImporter()
    {
        var open = await OpenAsync();
        var exported = (await Run<ExportConsultation, Result<ExportedConsultation>>(h => h.HandleAsync(Ann, open.Id))).Value;
        var copyReference = NewReference();

        var imported = await Run<ImportConsultationDefinition, Result<Consultation>>(h => h.HandleAsync(Aled, new ImportConsultationDefinitionRequest(exported.Json, copyReference)));

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        var copy = await ReloadAsync(imported.Value.Id);
        Assert.Equal(ConsultationStatus.Draft, copy.Status);
        Assert.Equal(OrgA, copy.OwnerOrganisationId);
        var again = (await Run<ExportConsultation, Result<ExportedConsultation>>(h => h.HandleAsync(Ann, copy.Id))).Value;
        Assert.Equal(exported.Json.Replace($"\"reference\": \"{open.Reference}\"", $"\"reference\": \"{copyReference}\"", StringComparison.Ordinal), again.Json);
        Assert.Equal($"{open.Reference.ToLowerInvariant()}.json", exported.FileName);
    }

    [Fact]
    public async Task ImportConsultationDefinition_BrokenFile_ReturnsLocatedErrorsAndStoresNothing()
    {
        var before = await CountAsync(db => db.Consultations);

        var imported = await Run<ImportConsultationDefinition, Result<Consultation>>(h => h.HandleAsync(Ann, new ImportConsultationDefinitionRequest("{\n  \"reference\": 12\n}")));

        Assert.Equal(ErrorCodes.ImportInvalidJson, imported.FirstError?.Code);
        Assert.Equal(2, imported.FirstError?.Position?.Line);
        Assert.Equal(before, await CountAsync(db => db.Consultations));
    }

    [Fact]
    public async Task ImportConsultationDefinition_DuplicateReference_RollsBackAndAuditsNothing()
    {
        var draft = await ImportDraftAsync();
        var exported = (await Run<ExportConsultation, Result<ExportedConsultation>>(h => h.HandleAsync(Ann, draft.Id))).Value;
        var before = await CountAsync(db => db.AuditEntries);

        var imported = await Run<ImportConsultationDefinition, Result<Consultation>>(h => h.HandleAsync(Ann, new ImportConsultationDefinitionRequest(exported.Json)));

        Assert.Equal(ErrorCodes.ImportDuplicateReference, imported.FirstError?.Code);
        Assert.NotNull(imported.FirstError?.Position);
        Assert.Equal(before, await CountAsync(db => db.AuditEntries));
    }

    [Fact]
    public async Task ListStaffConsultations_Commissioner_SeesOwnDraftsAndOthersPublishedOnly()
    {
        var ownDraft = await ImportDraftAsync();
        var otherDraft = await ImportDraftAsync(Bea);
        var otherOpen = await ImportDraftAsync(Bea);
        await Run<OpenConsultationNow, Result<Consultation>>(h => h.HandleAsync(Bea, new OpenConsultationNowRequest(otherOpen.Id)));

        var list = await Run<ListStaffConsultations, IReadOnlyList<StaffConsultationSummary>>(h => h.HandleAsync(Ann, new ListStaffConsultationsRequest()));

        Assert.Contains(list, c => c.Id == ownDraft.Id && c.Status == ConsultationStatus.Draft);
        Assert.Contains(list, c => c.Id == otherOpen.Id && c.Status == ConsultationStatus.Open);
        Assert.DoesNotContain(list, c => c.Id == otherDraft.Id);
    }

    [Fact]
    public async Task GetStaffConsultation_OtherOrganisationsOpenConsultation_OffersViewOnly()
    {
        var open = await OpenAsync();

        var view = (await Run<GetStaffConsultation, Result<StaffConsultationView>>(h => h.HandleAsync(Bea, open.Id))).Value;

        Assert.Equal([ConsultationPermission.View], view.Permissions);
        Assert.Equal(ConsultationStatus.Open, view.Status);
        Assert.Equal(EditScope.TextsOnly, view.EditScope);
    }
}
