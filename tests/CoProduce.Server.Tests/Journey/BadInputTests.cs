using System.Net;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Tests.Journey;

public sealed class BadInputTestsSqlite(SqliteTestDatabase database) : BadInputTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class BadInputTestsPostgres(PostgresTestDatabase database) : BadInputTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// Each kind of bad input gets a clear message in the person's language, keeps what was saved
/// before, shows again what they typed, and never a server error.
/// </summary>
public abstract class BadInputTests(TestDatabase database) : JourneyTestBase(database)
{
    [Fact]
    public async Task Section_OverLongAnswer_ShowsLimitKeepsSavedAnswersAndRedisplaysText()
    {
        var (browser, reference) = await StartedAsync();
        await PostSectionAsync(browser, Services, ServicesAnswers);
        var typed = "A long answer. " + new string('x', Question.DefaultLongTextMaxLength);

        await browser.GetAsync(SectionUrl(Experience) + "?warning=seen");
        await PostSectionAsync(browser, Experience, ("story", typed), ("rating", "3"));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(Strings.Lead(Strings.En("Error.Answer.TooLong")), browser.Html);
        Assert.Contains("href=\"#story\"", browser.Html);
        Assert.Contains(typed, browser.Html);
        var draft = await DraftAsync(reference);
        Assert.Equal(new TextAnswer("Aberystwyth"), draft.Answers.Answers[SampleConsultation.Town]);
        Assert.False(draft.Answers.Answers.ContainsKey(SampleConsultation.Story));
    }

    [Fact]
    public async Task Section_InvalidChoice_ShowsMessageInWelshAndSavesNothing()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await browser.GetAsync($"/cy/consultations/{reference.ToLowerInvariant()}/before-you-start");
        await browser.PostAsync($"/cy/consultations/{reference.ToLowerInvariant()}/before-you-start");

        await browser.PostAsync("/cy" + SectionUrl(Services), ("_section", Services), ("used-services", "maybe"), ("town", "Caerdydd"));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(Strings.Cy("Error.Answer.InvalidChoice"), browser.ErrorSummary());
        Assert.Contains("value=\"Caerdydd\"", browser.Html);
        Assert.Empty((await DraftAsync(reference)).Answers.Answers);
    }

    [Fact]
    public async Task Section_AnswerToAQuestionHiddenByItsCondition_IsDroppedWithANotice()
    {
        var (browser, reference) = await StartedAsync();

        await PostSectionAsync(browser, Services, ("used-services", "no"), ("which-services", "isva"));

        Assert.Equal(WarningUrl(Experience), browser.Path.Split('?')[0]);
        await browser.GetAsync(CheckUrl + "?notice=discarded");
        Assert.Contains(Strings.En("Journey.Notice.Discarded"), browser.Html);
        var draft = await DraftAsync(reference);
        Assert.False(draft.Answers.Answers.ContainsKey(SampleConsultation.WhichServices));
        Assert.Equal(new ChoiceAnswer(["no"]), draft.Answers.Answers[SampleConsultation.UsedServices]);
    }

    [Fact]
    public async Task Section_TamperedSectionField_SavesNothingAndSaysSo()
    {
        var (browser, reference) = await StartedAsync();

        await browser.PostAsync(SectionUrl(Services), [("_section", Experience), .. ServicesAnswers]);

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(Strings.En("Journey.Error.FormChanged"), browser.ErrorSummary());
        Assert.Contains("value=\"Aberystwyth\"", browser.Html);
        Assert.Empty((await DraftAsync(reference)).Answers.Answers);
    }

    [Fact]
    public async Task Section_UnknownQuestionIdsAndSection_AreIgnoredOrNotFound()
    {
        var (browser, reference) = await StartedAsync();

        await PostSectionAsync(browser, Services, ("town", "Rhyl"), ("not-a-question", "x"), ("story", "from another section"));
        Assert.Equal(WarningUrl(Experience), browser.Path);
        var draft = await DraftAsync(reference);
        Assert.Single(draft.Answers.Answers);

        await browser.GetAsync(SectionUrl("no-such-section"));
        Assert.Equal(HttpStatusCode.NotFound, browser.Status);
    }

    [Fact]
    public async Task Section_MissingAntiforgeryToken_Answers400PageAndKeepsSavedAnswers()
    {
        var (browser, reference) = await StartedAsync();
        await PostSectionAsync(browser, Services, ServicesAnswers);

        await browser.PostWithoutTokenAsync(SectionUrl(Services), ("_section", Services), ("town", "Changed"));

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        Assert.Contains(Strings.En("Error.BadRequest.Title"), browser.Html);
        Assert.Equal(new TextAnswer("Aberystwyth"), (await DraftAsync(reference)).Answers.Answers[SampleConsultation.Town]);
    }

    [Fact]
    public async Task ClosedConsultation_RefusesChangesAndSubmissionAndKeepsTheDraft()
    {
        var (browser, reference) = await StartedAsync();
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(SectionUrl(Experience) + "?warning=seen");
        var token = JourneyClient.AntiforgeryToken(browser.Html)!; // The section page has a form.

        Time.Advance(TimeSpan.FromDays(29));
        await PostSectionAsync(browser, Experience, ("story", "After closing"));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(Strings.En("Error.Consultation.Closed"), browser.ErrorSummary());
        Assert.Contains("After closing", browser.Html);

        await browser.GetAsync(CheckUrl);
        Assert.DoesNotContain("id=\"send-response\"", browser.Html);
        await browser.PostWithoutTokenAsync(CheckUrl, ("__RequestVerificationToken", token));
        AssertNoServerError(browser);
        Assert.Contains(Strings.En("Error.Consultation.Closed"), browser.ErrorSummary());

        var draft = await DraftAsync(reference);
        Assert.Equal(new TextAnswer("Aberystwyth"), draft.Answers.Answers[SampleConsultation.Town]);
        Assert.False(draft.Answers.Answers.ContainsKey(SampleConsultation.Story));
        Assert.Equal(0, await WithDbAsync(db => db.Responses.CountAsync(r => r.ConsultationId == draft.ConsultationId)));
    }

    [Theory]
    [InlineData("abc", "Error.Code.Malformed")]
    [InlineData("0000-0000-0000-0000-0000", "Error.ResumeCode.NotFound")]
    public async Task Resume_BadCode_ShowsMessageAndWhatWasTyped(string code, string key)
    {
        var browser = NewBrowser();
        await browser.GetAsync("/respond/continue");

        await browser.PostAsync("/respond/continue", ("resume-code", code));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(Strings.En(key), browser.ErrorSummary());
        Assert.Contains($"value=\"{code}\"", browser.Html);
    }

    [Fact]
    public async Task Resume_AfterTheConsultationClosed_SaysTheCodeExpired()
    {
        var (browser, _) = await StartedAsync();
        await browser.PostAsync($"{SectionUrl(Services)}?handler=Later", [("_section", Services), .. ServicesAnswers]);
        var code = browser.CodeShown("resume-code");
        Assert.NotNull(SecretCode.Parse(code));

        Time.Advance(TimeSpan.FromDays(29));
        var other = NewBrowser();
        await other.GetAsync("/respond/continue");
        await other.PostAsync("/respond/continue", ("resume-code", code!));

        Assert.Contains(Strings.En("Error.ResumeCode.Expired"), other.ErrorSummary());
    }

    [Fact]
    public async Task Submit_Twice_SecondShowsAlreadySentAndStoresOneResponse()
    {
        var (browser, reference) = await StartedAsync();
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(CheckUrl);
        var token = JourneyClient.AntiforgeryToken(browser.Html)!; // The check answers page has a form.

        await browser.PostWithoutTokenAsync(CheckUrl, ("__RequestVerificationToken", token));
        Assert.NotNull(browser.CodeShown("receipt-code"));
        await browser.PostWithoutTokenAsync(CheckUrl, ("__RequestVerificationToken", token));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("/respond/no-saved-answers?reason=submitted", browser.Path);
        Assert.Contains(Strings.En("Journey.NoDraft.SubmittedTitle"), browser.Html);
        var consultation = await WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Reference == reference));
        Assert.Equal(1, await WithDbAsync(db => db.Responses.CountAsync(r => r.ConsultationId == consultation.Id)));
    }

    [Fact]
    public async Task AboutYou_OverLongOrganisationNameOrUnknownChoice_ShowsMessage()
    {
        var (browser, _) = await StartedAsync();
        await browser.GetAsync(AboutYouUrl);

        await browser.PostAsync(AboutYouUrl, ("responding-as", "organisation"), ("organisation-name", new string('n', 201)));
        Assert.Contains(Strings.Lead(Strings.En("Error.Choices.OrganisationNameTooLong")), browser.Html);
        Assert.Contains("href=\"#organisation-name\"", browser.Html);

        await browser.PostAsync(AboutYouUrl, ("responding-as", "someone-else"));
        Assert.Contains(Strings.En("Journey.AboutYou.InvalidChoice"), browser.ErrorSummary());
    }

    [Fact]
    public async Task Pages_WithoutADraftSession_ExplainHowToCarryOn()
    {
        var browser = NewBrowser();

        foreach (var url in new[] { SectionUrl(Services), WarningUrl(Experience), AboutYouUrl, CheckUrl })
        {
            await browser.GetAsync(url);
            Assert.Equal("/respond/no-saved-answers", browser.Path);
            Assert.Contains(Strings.En("Journey.NoDraft.Title"), browser.Html);
        }
    }

    private async Task<(JourneyClient Browser, string Reference)> StartedAsync()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        return (browser, reference);
    }

    private Task<Core.Responses.Draft> DraftAsync(string reference) =>
        WithDbAsync(db => db.Drafts.AsNoTracking().SingleAsync(d => d.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
}
