using System.Text.Json;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

public sealed class SubmitResponseTestsSqlite(SqliteTestDatabase database) : SubmitResponseTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SubmitResponseTestsPostgres(PostgresTestDatabase database) : SubmitResponseTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>Anonymous submission of a complete response through <c>submitResponse</c>.</summary>
public abstract class SubmitResponseTests(TestDatabase database) : ApiTestBase(database)
{
    private const string Submit = """
        mutation($input: SubmitResponseInput!) {
          submitResponse(input: $input) { receipt { code submittedOn consultationReference } errors { code message field } }
        }
        """;

    private static object[] FullAnswers =>
    [
        new { questionId = "used-services", value = new { choices = new[] { "yes" } } },
        new { questionId = "which-services", value = new { choices = new[] { "isva", "helpline" } } },
        new { questionId = "town", value = new { text = "  Aberystwyth " } },
        new { questionId = "miles-travelled", value = new { number = 12 } },
        new { questionId = "priorities", value = new { ranking = new[] { "near", "speed" } } },
        new { questionId = "story", value = new { text = "It took <b>months</b>." } },
        new { questionId = "rating", value = new { number = 2 } },
    ];

    [Fact]
    public async Task SubmitResponse_CompleteAnswers_StoresTheResponseAndReturnsAWorkingReceipt()
    {
        var reference = await ImportConsultationAsync();

        var payload = Data(await GraphQLAsync(Submit, new
        {
            input = new
            {
                consultationReference = reference,
                answers = FullAnswers,
                choices = new { respondingAs = "ORGANISATION", organisationName = " Cymorth Cymru ", mayQuote = true },
            },
        })).GetProperty("submitResponse");

        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        var receipt = payload.GetProperty("receipt");
        Assert.Equal(reference, receipt.GetProperty("consultationReference").GetString());
        Assert.Equal(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), receipt.GetProperty("submittedOn").GetString());
        var code = SecretCode.Parse(receipt.GetProperty("code").GetString());
        Assert.NotNull(code);

        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
        Assert.Equal(ResponseChannel.Online, response.Channel);
        Assert.Equal(new TextAnswer("Aberystwyth"), response.Answers.Answers[SampleConsultation.Town]);
        Assert.Equal(new ChoiceAnswer(["isva", "helpline"]), response.Answers.Answers[SampleConsultation.WhichServices]);
        Assert.Equal(new RankingAnswer(["near", "speed"]), response.Answers.Answers[SampleConsultation.Priorities]);
        Assert.Equal(new NumberAnswer(12), response.Answers.Answers[SampleConsultation.MilesTravelled]);
        Assert.Equal(new TextAnswer("It took <b>months</b>."), response.Answers.Answers[SampleConsultation.Story]);
        Assert.Equal("Cymorth Cymru", response.Choices.OrganisationName);
        Assert.True(response.Choices.MayQuote);

        // The receipt withdraws the response, as one from the web journey.
        await using var scope = Factory.Services.CreateAsyncScope();
        var withdrawn = await scope.ServiceProvider.GetRequiredService<WithdrawResponse>().HandleAsync(code.Display);
        Assert.True(withdrawn.IsSuccess);
    }

    [Fact]
    public async Task SubmitResponse_SkippedSection_DropsItsAnswersAndRecordsTheSkip()
    {
        var reference = await ImportConsultationAsync();

        var payload = Data(await GraphQLAsync(Submit, new
        {
            input = new { consultationReference = reference, answers = FullAnswers, skippedSections = new[] { "experience" } },
        })).GetProperty("submitResponse");

        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
        Assert.False(response.Answers.Answers.ContainsKey(SampleConsultation.Story));
        Assert.Equal([SampleConsultation.Experience], response.SkippedSections);
    }

    [Theory]
    [InlineData("en", "Your answer must be 40 characters or fewer. It is 41 characters.")]
    [InlineData("cy", null)]
    public async Task SubmitResponse_InvalidAnswers_LocalisedErrorsAndNothingStored(string language, string? englishMessage)
    {
        var reference = await ImportConsultationAsync(requiredQuestion: true);

        var payload = Data(await GraphQLAsync(Submit, new
        {
            input = new
            {
                consultationReference = reference,
                answers = new object[]
                {
                    new { questionId = "town", value = new { text = new string('a', 41) } },
                    new { questionId = "support", value = new { choices = new[] { "maybe" } } },
                    new { questionId = "no-such-question", value = new { text = "x" } },
                },
                skippedSections = new[] { "services" },
            },
        }, language)).GetProperty("submitResponse");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("receipt").ValueKind);
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        var codes = errors.Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("Error.Section.NotSkippable", "services"), codes);
        Assert.Contains(("Error.Answer.UnknownQuestion", "no-such-question"), codes);
        Assert.Contains(("Error.Answer.TooLong", "town"), codes);
        Assert.Contains(("Error.Answer.InvalidChoice", "support"), codes);
        var tooLong = errors.Single(e => e.GetProperty("code").GetString() == "Error.Answer.TooLong").GetProperty("message").GetString();
        if (englishMessage is not null)
        {
            Assert.Equal(englishMessage, tooLong);
        }
        else
        {
            Assert.DoesNotContain("characters", tooLong);
            Assert.Contains("40", tooLong);
        }

        Assert.Equal(0, await ResponseCountAsync(reference));
    }

    [Fact]
    public async Task SubmitResponse_RequiredQuestionUnanswered_Incomplete()
    {
        var reference = await ImportConsultationAsync(requiredQuestion: true);

        var payload = Data(await GraphQLAsync(Submit, new { input = new { consultationReference = reference } })).GetProperty("submitResponse");

        var codes = payload.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["Error.Answer.Required"], codes);
        Assert.Equal(0, await ResponseCountAsync(reference));
    }

    [Fact]
    public async Task SubmitResponse_ClosedOrUnknownConsultation_RefusedWithItsCode()
    {
        var reference = await ImportConsultationAsync();
        Time.Advance(TimeSpan.FromDays(60));

        var closed = Data(await GraphQLAsync(Submit, new { input = new { consultationReference = reference } })).GetProperty("submitResponse");
        var unknown = Data(await GraphQLAsync(Submit, new { input = new { consultationReference = "NOPE1" } })).GetProperty("submitResponse");

        Assert.Equal("Error.Consultation.NotOpen", closed.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("Error.Consultation.NotFound", unknown.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SubmitResponse_TwoKindsInOneAnswer_RefusedByOneOf()
    {
        var reference = await ImportConsultationAsync();

        var response = await GraphQLAsync(Submit, new
        {
            input = new { consultationReference = reference, answers = new object[] { new { questionId = "town", value = new { text = "a", number = 1 } } } },
        });

        Assert.True(response.TryGetProperty("errors", out _));
        Assert.False(response.TryGetProperty("data", out _));
    }

    private Task<int> ResponseCountAsync(string reference) =>
        WithDbAsync(db => db.Responses.CountAsync(r => r.ConsultationId == db.Consultations.Single(c => c.Reference == reference).Id));
}
