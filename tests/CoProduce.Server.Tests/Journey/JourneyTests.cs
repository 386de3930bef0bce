using System.Net;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Tests.Journey;

public sealed class JourneyTestsSqlite(SqliteTestDatabase database) : JourneyTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class JourneyTestsPostgres(PostgresTestDatabase database) : JourneyTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>The respondent's journey through the real pages, without JavaScript, on each database.</summary>
public abstract class JourneyTests(TestDatabase database) : JourneyTestBase(database)
{
    [Fact]
    public async Task Journey_AnswerEverySectionAndSend_ShowsReceiptAndStoresTheAnswers()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await browser.GetAsync("/consultations");
        Assert.Contains($"Consultation {reference}", browser.Html);
        await StartAsync(browser, reference);

        await PostSectionAsync(browser, Services, ServicesAnswers);
        Assert.Equal(WarningUrl(Experience), browser.Path);
        await browser.GetAsync(SectionUrl(Experience) + "?warning=seen");
        await PostSectionAsync(browser, Experience, ("story", "It took <b>months</b> to be seen."), ("rating", "2"), ("support", "yes-slowly"));
        Assert.Equal(SectionUrl(Equality), browser.Path);
        await PostSectionAsync(browser, Equality);
        Assert.Equal(AboutYouUrl, browser.Path);
        await browser.PostAsync(AboutYouUrl, ("responding-as", "organisation"), ("organisation-name", "Cymorth Cymru"), ("may-quote", "yes"));
        Assert.Equal(CheckUrl, browser.Path);

        Assert.Contains("Aberystwyth", browser.Html);
        Assert.Contains("It took &lt;b&gt;months&lt;/b&gt; to be seen.", browser.Html);
        Assert.DoesNotContain("<b>months</b>", browser.Html);
        Assert.Contains("On behalf of Cymorth Cymru", browser.Html);

        await browser.PostAsync(CheckUrl);
        var receipt = browser.CodeShown("receipt-code");
        Assert.NotNull(SecretCodeParse(receipt));

        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
        Assert.Equal(new TextAnswer("Aberystwyth"), response.Answers.Answers[SampleConsultation.Town]);
        Assert.Equal(new RankingAnswer(["near", "speed"]), response.Answers.Answers[SampleConsultation.Priorities]);
        Assert.Equal(new NumberAnswer(2), response.Answers.Answers[SampleConsultation.Rating]);
        Assert.Equal(RespondingAs.Organisation, response.Choices.RespondingAs);
        Assert.Equal("Cymorth Cymru", response.Choices.OrganisationName);
        Assert.True(response.Choices.MayQuote);
        Assert.Equal(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), response.SubmittedOn);
    }

    [Fact]
    public async Task CheckAnswers_ChangeAnAnswer_ReturnsToCheckAnswersWithTheNewAnswer()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(CheckUrl);
        Assert.Contains("/respond/section/services?warning=seen&amp;return=check", browser.Html);

        await browser.GetAsync(SectionUrl(Services) + "?warning=seen&return=check");
        Assert.Contains("name=\"_return\" value=\"check\"", browser.Html);
        await browser.PostAsync(SectionUrl(Services), [("_section", Services), ("_return", "check"), .. ServicesAnswers.Where(f => f.Item1 != "town"), ("town", "Bangor")]);

        Assert.Equal(CheckUrl, browser.Path);
        Assert.Contains("Bangor", browser.Html);
        Assert.DoesNotContain("Aberystwyth", browser.Html);
    }

    [Fact]
    public async Task SaveForLater_ThenResumeInAnotherBrowser_RestoresEveryAnswer()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(SectionUrl(Experience) + "?warning=seen");
        await browser.PostAsync($"{SectionUrl(Experience)}?handler=Later", ("_section", Experience), ("story", "Written before saving"), ("rating", "4"));
        var code = browser.CodeShown("resume-code");
        Assert.NotNull(SecretCodeParse(code));
        Assert.Contains("Your answers have been saved", browser.Html);

        var other = NewBrowser();
        await other.GetAsync("/respond/continue");
        await other.PostAsync("/respond/continue", ("resume-code", code!.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));

        Assert.Equal(CheckUrl, other.Path);
        foreach (var expected in new[] { "Aberystwyth", "Written before saving", "ISVA", "Helpline", "4 out of 5" })
        {
            Assert.Contains(expected, other.Html);
        }

        await other.GetAsync(SectionUrl(Services) + "?warning=seen");
        Assert.Contains("value=\"Aberystwyth\"", other.Html);
        Assert.Contains("value=\"12\"", other.Html);
        Assert.Matches("value=\"yes\"\\s+checked=\"checked\"", other.Html);
        Assert.Matches("value=\"near:1\" selected=\"selected\"", other.Html);
        Assert.Matches("value=\"speed:2\" selected=\"selected\"", other.Html);

        // The first browser's session was replaced by the resumed one.
        await browser.GetAsync(CheckUrl);
        Assert.Equal("/respond/no-saved-answers", browser.Path);
    }

    [Fact]
    public async Task ContentWarning_SkipSection_RecordsSkipAndSendsWithoutIt()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        Assert.Equal(WarningUrl(Experience), browser.Path);
        Assert.Contains("This section asks about sexual violence.", browser.Html);

        await browser.PostAsync($"{WarningUrl(Experience)}?handler=Skip");
        Assert.Equal(SectionUrl(Equality), browser.Path);
        await browser.GetAsync(CheckUrl);
        Assert.Contains("You chose to skip this section.", browser.Html);
        await browser.PostAsync(CheckUrl);
        Assert.NotNull(browser.CodeShown("receipt-code"));

        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
        Assert.Contains(SampleConsultation.Experience, response.SkippedSections);
        Assert.False(response.Answers.Answers.ContainsKey(SampleConsultation.Story));
    }

    [Fact]
    public async Task Withdraw_WithReceiptCode_DeletesTheResponse()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        await browser.GetAsync(CheckUrl);
        await browser.PostAsync(CheckUrl);
        var receipt = browser.CodeShown("receipt-code")!;
        Assert.Equal(1, await CountResponsesAsync(reference));

        await browser.GetAsync("/withdraw");
        await browser.PostAsync("/withdraw", ("receipt-code", receipt));

        Assert.Equal("/withdraw/done", browser.Path);
        Assert.Equal(0, await CountResponsesAsync(reference));

        await browser.GetAsync("/withdraw");
        await browser.PostAsync("/withdraw", ("receipt-code", receipt));
        Assert.Contains(Strings.En("Error.ReceiptCode.NotFound"), browser.ErrorSummary());
    }

    [Fact]
    public async Task Exit_DuringADraft_DiscardsTheDraft()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await StartAsync(browser, reference);
        await PostSectionAsync(browser, Services, ServicesAnswers);
        Assert.Equal(1, await CountDraftsAsync(reference));

        // The exit route redirects to a neutral site outside; only its effect here matters.
        using var exit = await browser.Http.GetAsync("/exit");

        Assert.Equal(0, await CountDraftsAsync(reference));
        await browser.GetAsync(SectionUrl(Services));
        Assert.Equal("/respond/no-saved-answers", browser.Path);
    }

    [Fact]
    public async Task Welsh_SectionPage_IsInWelshWithWelshContent()
    {
        var reference = await ImportConsultationAsync();
        var browser = NewBrowser();
        await browser.GetAsync($"/cy/consultations/{reference.ToLowerInvariant()}/before-you-start");
        Assert.Contains("Cyn i chi ddechrau", browser.Html);
        await browser.PostAsync($"/cy/consultations/{reference.ToLowerInvariant()}/before-you-start");

        Assert.Equal("/cy" + SectionUrl(Services), browser.Path);
        Assert.Contains("lang=\"cy\"", browser.Html);
        Assert.Contains("[cy] Nearest town", browser.Html);
        Assert.Contains("Cadw a pharhau", browser.Html);
        Assert.Contains("href=\"/respond/section/services\"", browser.Html);
    }

    private Task<int> CountResponsesAsync(string reference) =>
        WithDbAsync(db => db.Responses.CountAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));

    private Task<int> CountDraftsAsync(string reference) =>
        WithDbAsync(db => db.Drafts.CountAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));

    private static Core.Privacy.SecretCode? SecretCodeParse(string? code) => Core.Privacy.SecretCode.Parse(code);
}
