using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Tests.Responses;

public sealed class ResponseJourneyTestsSqlite(SqliteTestDatabase database) : ResponseJourneyTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ResponseJourneyTestsPostgres(PostgresTestDatabase database) : ResponseJourneyTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Every respondent use case against a real database.</summary>
public abstract class ResponseJourneyTests(TestDatabase database) : HandlerTestBase(database)
{
    private static readonly SectionId ServicesSection = SampleConsultation.Services;
    private static readonly SectionId Experience = SampleConsultation.Experience;

    [Fact]
    public async Task StartResponse_OpenConsultation_ReturnsTokenThatOpensAnEmptyDraft()
    {
        var reference = await ImportOpenConsultationAsync();

        var token = await StartAsync(reference);
        var draft = await GetDraftAsync(token);

        Assert.True(draft.IsSuccess);
        Assert.Empty(draft.Value.Answers.Answers);
        Assert.Equal(reference, draft.Value.Consultation.Reference);
        Assert.Equal(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), draft.Value.LastSavedOn);
        Assert.True(draft.Value.IsAcceptingResponses);
    }

    [Fact]
    public async Task StartResponse_UnknownReference_ReturnsNotFound()
    {
        var result = await Run<StartResponse, Result<StartedResponse>>(h => h.HandleAsync("NOPE404"));

        Assert.Equal(ErrorCodes.ConsultationNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task StartResponse_ClosedConsultation_ReturnsNotOpen()
    {
        var reference = await ImportOpenConsultationAsync();
        Time.Advance(TimeSpan.FromDays(29));

        var result = await Run<StartResponse, Result<StartedResponse>>(h => h.HandleAsync(reference));

        Assert.Equal(ErrorCodes.ConsultationNotOpen, result.FirstError?.Code);
    }

    [Fact]
    public async Task GetDraft_UnknownToken_ReturnsNotFound()
    {
        var result = await GetDraftAsync(SessionToken.Generate());

        Assert.Equal(ErrorCodes.DraftNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task SaveSectionAnswers_ValidValues_StoresTypedAnswers()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var saved = await SaveAsync(token, ServicesSection,
            (SampleConsultation.UsedServices, ["yes"]),
            (SampleConsultation.WhichServices, ["helpline", "isva"]),
            (SampleConsultation.Town, ["  Aberystwyth "]),
            (SampleConsultation.MilesTravelled, ["12"]),
            (SampleConsultation.Priorities, ["near:1", "speed:2", "welsh:"]));

        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        Assert.Equal(Experience, saved.Value.NextSectionId);
        var draft = (await GetDraftAsync(token)).Value;
        Assert.Equal(new ChoiceAnswer(["isva", "helpline"]), draft.AnswerTo(SampleConsultation.WhichServices));
        Assert.Equal(new TextAnswer("Aberystwyth"), draft.AnswerTo(SampleConsultation.Town));
        Assert.Equal(new NumberAnswer(12), draft.AnswerTo(SampleConsultation.MilesTravelled));
        Assert.Equal(new RankingAnswer(["near", "speed"]), draft.AnswerTo(SampleConsultation.Priorities));
        Assert.Equal(["near:1", "speed:2"], draft.FormValues(SampleConsultation.Priorities));
    }

    [Fact]
    public async Task SaveSectionAnswers_InvalidValue_ReturnsErrorsAndKeepsEarlierAnswers()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Bangor"]));

        var saved = await SaveAsync(token, ServicesSection,
            (SampleConsultation.Town, [new string('x', 41)]),
            (SampleConsultation.MilesTravelled, ["lots"]));

        Assert.True(saved.IsFailure);
        Assert.Contains(saved.Errors, e => e.Code == ErrorCodes.AnswerTooLong && e.Path == "town");
        Assert.Contains(saved.Errors, e => e.Code == ErrorCodes.AnswerNotANumber && e.Path == "miles-travelled");
        Assert.Equal(new TextAnswer("Bangor"), (await GetDraftAsync(token)).Value.AnswerTo(SampleConsultation.Town));
    }

    [Fact]
    public async Task SaveSectionAnswers_ValueForHiddenQuestion_DiscardsItWithNotice()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var saved = await SaveAsync(token, ServicesSection,
            (SampleConsultation.UsedServices, ["no"]),
            (SampleConsultation.WhichServices, ["isva"]));

        Assert.True(saved.IsSuccess);
        Assert.Contains(saved.Value.Notices, n => n.Code == ErrorCodes.AnswerHiddenQuestionDiscarded && n.Path == "which-services");
        Assert.Null((await GetDraftAsync(token)).Value.AnswerTo(SampleConsultation.WhichServices));
    }

    [Fact]
    public async Task SaveSectionAnswers_UnknownSection_ReturnsSectionNotFound()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var saved = await SaveAsync(token, new SectionId("nope"), (SampleConsultation.Town, ["x"]));

        Assert.Equal(ErrorCodes.SectionNotFound, saved.FirstError?.Code);
    }

    [Fact]
    public async Task SaveSectionAnswers_EqualitySection_AcceptsPreferNotToSay()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var saved = await SaveAsync(token, EqualityMonitoring.SectionId,
            (EqualityMonitoring.Ethnicity, [EqualityMonitoring.PreferNotToSay]),
            (EqualityMonitoring.NationalIdentity, ["welsh", "british"]));

        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        Assert.Null(saved.Value.NextSectionId);
    }

    [Fact]
    public async Task SkipSection_WarnedSection_RemovesItsAnswersAndRecordsSkip()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, Experience, (SampleConsultation.Story, ["Something"]));

        var skipped = await Run<SkipSection, Result<SectionId?>>(h => h.HandleAsync(token, Experience));

        Assert.True(skipped.IsSuccess);
        Assert.Equal(EqualityMonitoring.SectionId, skipped.Value);
        var draft = (await GetDraftAsync(token)).Value;
        Assert.True(draft.IsSkipped(Experience));
        Assert.Null(draft.AnswerTo(SampleConsultation.Story));
    }

    [Fact]
    public async Task SkipSection_SectionWithoutWarning_ReturnsNotSkippable()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var skipped = await Run<SkipSection, Result<SectionId?>>(h => h.HandleAsync(token, ServicesSection));

        Assert.Equal(ErrorCodes.SectionNotSkippable, skipped.FirstError?.Code);
    }

    [Fact]
    public async Task SaveSectionAnswers_AfterSkip_UnskipsSection()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await Run<SkipSection, Result<SectionId?>>(h => h.HandleAsync(token, Experience));

        await SaveAsync(token, Experience, (SampleConsultation.Rating, ["4"]));

        Assert.False((await GetDraftAsync(token)).Value.IsSkipped(Experience));
    }

    [Fact]
    public async Task SetRespondentChoices_Organisation_KeepsTrimmedName()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var result = await Run<SetRespondentChoices, Result>(h => h.HandleAsync(token, new RespondentChoices
        {
            RespondingAs = RespondingAs.Organisation,
            OrganisationName = "  Rape Crisis Cymru  ",
            MayQuote = true,
            DoNotPublishNameOrAddress = true,
        }));

        Assert.True(result.IsSuccess);
        var choices = (await GetDraftAsync(token)).Value.Choices;
        Assert.Equal("Rape Crisis Cymru", choices.OrganisationName);
        Assert.True(choices.MayQuote);
        Assert.True(choices.DoNotPublishNameOrAddress);
    }

    [Fact]
    public async Task SetRespondentChoices_AnonymousWithName_DropsName()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        await Run<SetRespondentChoices, Result>(h => h.HandleAsync(token, new RespondentChoices { RespondingAs = RespondingAs.Anonymous, OrganisationName = "Someone" }));

        Assert.Null((await GetDraftAsync(token)).Value.Choices.OrganisationName);
    }

    [Fact]
    public async Task SetRespondentChoices_NameTooLong_ReturnsError()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var result = await Run<SetRespondentChoices, Result>(h => h.HandleAsync(token, new RespondentChoices { RespondingAs = RespondingAs.Organisation, OrganisationName = new string('a', 201) }));

        Assert.Equal(ErrorCodes.ChoicesOrganisationNameTooLong, result.FirstError?.Code);
    }

    [Fact]
    public async Task ResumeDraft_CodeFromSaveForLater_RestoresEveryAnswerWithNewSession()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Wrecsam"]), (SampleConsultation.UsedServices, ["not-sure"]));
        await SaveAsync(token, Experience, (SampleConsultation.Story, ["Line one\r\nLine two"]));
        var saved = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));

        var resumed = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(saved.Value.ResumeCode.Display.ToLowerInvariant()));

        Assert.True(resumed.IsSuccess, string.Join("; ", resumed.Errors));
        var draft = (await GetDraftAsync(resumed.Value.SessionToken)).Value;
        Assert.Equal(new TextAnswer("Wrecsam"), draft.AnswerTo(SampleConsultation.Town));
        Assert.Equal(new TextAnswer("Line one\nLine two"), draft.AnswerTo(SampleConsultation.Story));
        Assert.True(draft.HasResumeCode);
        Assert.Equal(ErrorCodes.DraftNotFound, (await GetDraftAsync(token)).FirstError?.Code);
    }

    [Fact]
    public async Task SaveForLater_SecondCode_ReplacesFirst()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        var first = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));
        var second = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));

        var withFirst = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(first.Value.ResumeCode.Display));
        var withSecond = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(second.Value.ResumeCode.Display));

        Assert.Equal(ErrorCodes.ResumeCodeNotFound, withFirst.FirstError?.Code);
        Assert.True(withSecond.IsSuccess);
    }

    [Fact]
    public async Task ResumeDraft_UnknownCode_ReturnsNotFound()
    {
        var result = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(SecretCode.Generate().Display));

        Assert.Equal(ErrorCodes.ResumeCodeNotFound, result.FirstError?.Code);
    }

    [Fact]
    public async Task ResumeDraft_Gibberish_ReturnsMalformed()
    {
        var result = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync("not a code"));

        Assert.Equal(ErrorCodes.CodeMalformed, result.FirstError?.Code);
    }

    [Fact]
    public async Task ResumeDraft_AfterClosing_ReturnsExpired()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        var saved = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));
        Time.Advance(TimeSpan.FromDays(29));

        var result = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(saved.Value.ResumeCode.Display));

        Assert.Equal(ErrorCodes.ResumeCodeExpired, result.FirstError?.Code);
    }

    [Fact]
    public async Task SubmitResponse_CompleteDraft_StoresResponseWithDateOnlyAndReturnsReceipt()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, ServicesSection, (SampleConsultation.UsedServices, ["yes"]), (SampleConsultation.WhichServices, ["isva"]));
        await Run<SkipSection, Result<SectionId?>>(h => h.HandleAsync(token, Experience));

        var submitted = await SubmitAsync(token);

        Assert.True(submitted.IsSuccess, string.Join("; ", submitted.Errors));
        Assert.Equal(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), submitted.Value.SubmittedOn);
        await using var db = Database.CreateContext();
        var response = await db.Responses.SingleAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id);
        Assert.Equal(ResponseChannel.Online, response.Channel);
        Assert.Equal(new ChoiceAnswer(["isva"]), response.Answers.Answers[SampleConsultation.WhichServices]);
        Assert.Equal([Experience], response.SkippedSections);
        var draft = await db.Drafts.SingleAsync(d => d.ConsultationId == response.ConsultationId);
        Assert.True(draft.Submitted);
        Assert.Empty(draft.Answers.Answers);
    }

    [Fact]
    public async Task SubmitResponse_SecondTime_ReturnsAlreadySubmitted()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Caerdydd"]));
        await SubmitAsync(token);

        var again = await SubmitAsync(token);

        Assert.Equal(ErrorCodes.ResponseAlreadySubmitted, again.FirstError?.Code);
    }

    [Fact]
    public async Task SubmitResponse_Concurrently_StoresExactlyOneResponse()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Abertawe"]));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SubmitAsync(token)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ErrorCodes.ResponseAlreadySubmitted, r.FirstError?.Code));
        await using var db = Database.CreateContext();
        var id = db.Consultations.Single(c => c.Reference == reference).Id;
        Assert.Equal(1, await db.Responses.CountAsync(r => r.ConsultationId == id));
    }

    [Fact]
    public async Task SubmitResponse_ClosedConsultation_ReturnsClosedAndKeepsDraft()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Y Rhyl"]));
        Time.Advance(TimeSpan.FromDays(29));

        var submitted = await SubmitAsync(token);

        Assert.Equal(ErrorCodes.ConsultationClosed, submitted.FirstError?.Code);
        var draft = await GetDraftAsync(token);
        Assert.Equal(new TextAnswer("Y Rhyl"), draft.Value.AnswerTo(SampleConsultation.Town));
        Assert.False(draft.Value.IsAcceptingResponses);
    }

    [Fact]
    public async Task SubmitResponse_RequiredQuestionUnanswered_ReturnsRequired()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync(requiredQuestion: true));

        var submitted = await SubmitAsync(token);

        Assert.Contains(submitted.Errors, e => e.Code == ErrorCodes.AnswerRequired && e.Path == "used-services");
    }

    [Fact]
    public async Task SubmitResponse_AnswerHiddenByLaterChange_IsNotStored()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, ServicesSection, (SampleConsultation.UsedServices, ["yes"]), (SampleConsultation.WhichServices, ["isva"]));
        await SaveAsync(token, ServicesSection, (SampleConsultation.UsedServices, ["no"]));

        await SubmitAsync(token);

        await using var db = Database.CreateContext();
        var id = db.Consultations.Single(c => c.Reference == reference).Id;
        var response = await db.Responses.SingleAsync(r => r.ConsultationId == id);
        Assert.False(response.Answers.Answers.ContainsKey(SampleConsultation.WhichServices));
    }

    [Fact]
    public async Task WithdrawResponse_ReceiptCode_DeletesResponse()
    {
        var reference = await ImportOpenConsultationAsync();
        var token = await StartAsync(reference);
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Conwy"]));
        var submitted = await SubmitAsync(token);

        var withdrawn = await Run<WithdrawResponse, Result>(h => h.HandleAsync(submitted.Value.ReceiptCode.Display));
        var again = await Run<WithdrawResponse, Result>(h => h.HandleAsync(submitted.Value.ReceiptCode.Display));

        Assert.True(withdrawn.IsSuccess);
        Assert.Equal(ErrorCodes.ReceiptCodeNotFound, again.FirstError?.Code);
        await using var db = Database.CreateContext();
        var id = db.Consultations.Single(c => c.Reference == reference).Id;
        Assert.Equal(0, await db.Responses.CountAsync(r => r.ConsultationId == id));
    }

    [Fact]
    public async Task WithdrawResponse_ResumeCodeInsteadOfReceipt_ReturnsNotFound()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        var saved = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));
        await SubmitAsync(token);

        var withdrawn = await Run<WithdrawResponse, Result>(h => h.HandleAsync(saved.Value.ResumeCode.Display));

        Assert.Equal(ErrorCodes.ReceiptCodeNotFound, withdrawn.FirstError?.Code);
    }

    [Fact]
    public async Task DiscardDraft_WithoutResumeCode_DeletesDraft()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());

        var outcome = await Run<DiscardDraft, DiscardOutcome>(h => h.HandleAsync(token));

        Assert.Equal(DiscardOutcome.Deleted, outcome);
        Assert.Equal(ErrorCodes.DraftNotFound, (await GetDraftAsync(token)).FirstError?.Code);
    }

    [Fact]
    public async Task DiscardDraft_WithResumeCode_EndsSessionButKeepsDraftForCode()
    {
        var token = await StartAsync(await ImportOpenConsultationAsync());
        await SaveAsync(token, ServicesSection, (SampleConsultation.Town, ["Bala"]));
        var saved = await Run<SaveForLater, Result<SavedForLater>>(h => h.HandleAsync(token));

        var outcome = await Run<DiscardDraft, DiscardOutcome>(h => h.HandleAsync(token));
        var resumed = await Run<ResumeDraft, Result<ResumedDraft>>(h => h.HandleAsync(saved.Value.ResumeCode.Display));

        Assert.Equal(DiscardOutcome.SessionEnded, outcome);
        Assert.Equal(ErrorCodes.DraftNotFound, (await GetDraftAsync(token)).FirstError?.Code);
        Assert.Equal(new TextAnswer("Bala"), (await GetDraftAsync(resumed.Value.SessionToken)).Value.AnswerTo(SampleConsultation.Town));
    }

    [Fact]
    public async Task DiscardDraft_NoDraft_ReturnsNoDraft()
    {
        var outcome = await Run<DiscardDraft, DiscardOutcome>(h => h.HandleAsync(SessionToken.Generate()));

        Assert.Equal(DiscardOutcome.NoDraft, outcome);
    }

    [Fact]
    public async Task RecordOfflineResponse_PostedResponse_IsStoredWithChannelAndCanBeWithdrawn()
    {
        var reference = await ImportOpenConsultationAsync();
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        var request = new OfflineResponseRequest(reference, ResponseChannel.Post, today, new RespondentChoices { RespondingAs = RespondingAs.Organisation, OrganisationName = "Cymorth" },
            SampleConsultation.Form((SampleConsultation.UsedServices, ["yes"]), (SampleConsultation.WhichServices, ["isva"]), (SampleConsultation.Story, ["By letter"])));

        var recorded = await Run<RecordOfflineResponse, Result<SubmittedResponse>>(h => h.HandleAsync(request));

        Assert.True(recorded.IsSuccess, string.Join("; ", recorded.Errors));
        await using (var db = Database.CreateContext())
        {
            var id = db.Consultations.Single(c => c.Reference == reference).Id;
            var response = await db.Responses.SingleAsync(r => r.ConsultationId == id);
            Assert.Equal(ResponseChannel.Post, response.Channel);
            Assert.Equal(new TextAnswer("By letter"), response.Answers.Answers[SampleConsultation.Story]);
        }

        Assert.True((await Run<WithdrawResponse, Result>(h => h.HandleAsync(recorded.Value.ReceiptCode.Display))).IsSuccess);
    }

    [Fact]
    public async Task RecordOfflineResponse_InvalidAnswer_ReturnsErrorAndStoresNothing()
    {
        var reference = await ImportOpenConsultationAsync();
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        var request = new OfflineResponseRequest(reference, ResponseChannel.Email, today, RespondentChoices.Default,
            SampleConsultation.Form((SampleConsultation.Rating, ["9"])));

        var recorded = await Run<RecordOfflineResponse, Result<SubmittedResponse>>(h => h.HandleAsync(request));

        Assert.Equal(ErrorCodes.AnswerOutOfRange, recorded.FirstError?.Code);
        await using var db = Database.CreateContext();
        var id = db.Consultations.Single(c => c.Reference == reference).Id;
        Assert.False(await db.Responses.AnyAsync(r => r.ConsultationId == id));
    }

    [Fact]
    public async Task RecordOfflineResponse_ReceivedAfterClosingDay_ReturnsClosed()
    {
        var reference = await ImportOpenConsultationAsync();
        var late = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime).AddDays(40);

        var recorded = await Run<RecordOfflineResponse, Result<SubmittedResponse>>(h => h.HandleAsync(
            new OfflineResponseRequest(reference, ResponseChannel.Post, late, RespondentChoices.Default, SampleConsultation.Form())));

        Assert.Equal(ErrorCodes.ConsultationClosed, recorded.FirstError?.Code);
    }
}
