using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationReadinessTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 12, 17, 0, 0, TimeSpan.Zero);
    private static readonly string[] Known = FormsOfViolence.All.Select(f => f.Code).ToArray();

    private static Consultation Create()
    {
        var d = SampleConsultation.Definition("WG12345", Opens, Closes);
        return new Consultation(ConsultationId.New(), "WG12345", d.ToDetails(), d.Questionnaire, d.IssuedOn, Opens, Closes, Audience.Public, Jurisdiction.Wales, CommissioningPhase.Analyse, false);
    }

    [Fact]
    public void Check_CompleteConsultation_HasNoProblems()
    {
        Assert.Empty(ConsultationReadiness.Check(Create(), Opens.AddDays(-1), Known));
    }

    [Fact]
    public void Check_MissingWelshTexts_ListsEachWithItsLocation()
    {
        var consultation = Create();
        var q = consultation.Questionnaire;
        consultation.UpdateDetails(consultation.Details with { Summary = new("A summary", " ") }, Opens.AddDays(-1));
        var question = q.Sections[1].Questions[0] with { Text = new("Tell us", "") };
        consultation.UpdateQuestionnaire(QuestionnaireEdits.UpdateQuestion(q, question.Id, question).Value, Opens.AddDays(-1));

        var problems = ConsultationReadiness.Check(consultation, Opens.AddDays(-1), Known);

        Assert.Equal(
            ["$.summary.cy", "$.questionnaire.sections[1].questions[0].text.cy"],
            problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal(ErrorCodes.ImportMissingTranslation, p.Code));
    }

    [Fact]
    public void Check_MissingEnglishText_IsListedToo()
    {
        var consultation = Create();
        consultation.UpdateDetails(consultation.Details with { Title = new("", "Teitl") }, Opens.AddDays(-1));

        var problem = Assert.Single(ConsultationReadiness.Check(consultation, Opens.AddDays(-1), Known));

        Assert.Equal("$.title.en", problem.Path);
    }

    [Fact]
    public void Check_EmptySectionAndClosingPassed_ListsBoth()
    {
        var consultation = Create();
        var withEmpty = QuestionnaireEdits.AddSection(consultation.Questionnaire, new Section { Id = new("later"), Title = SampleConsultation.T("Later") }).Value;
        consultation.UpdateQuestionnaire(withEmpty, Opens.AddDays(-1));

        var problems = ConsultationReadiness.Check(consultation, Closes.AddDays(1), Known);

        Assert.Contains(problems, p => p.Code == ErrorCodes.ImportMissingValue && p.Path == "$.questionnaire.sections[2].questions");
        Assert.Contains(problems, p => p.Code == ErrorCodes.ConsultationClosingDateInvalid && p.Path == "$.closesAt");
    }

    [Fact]
    public void Check_UnknownFormOfViolence_IsListed()
    {
        var consultation = Create();
        consultation.UpdateDetails(consultation.Details with { FormsOfViolence = ["wales.unknown"] }, Opens.AddDays(-1));

        Assert.Equal(ErrorCodes.ImportUnknownFormOfViolence, Assert.Single(ConsultationReadiness.Check(consultation, Opens.AddDays(-1), Known)).Code);
    }
}
