using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

public sealed class QuestionnaireEditsTests
{
    private static readonly Questionnaire Sample = SampleConsultation.Definition("WG1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)).Questionnaire;

    private static Section NewSection(string id) => new() { Id = new SectionId(id), Title = SampleConsultation.T("New") };

    private static Question NewQuestion(string id, QuestionType type = QuestionType.ShortText) =>
        new() { Id = new QuestionId(id), Type = type, Text = SampleConsultation.T("Question") };

    [Fact]
    public void AddSection_AtIndex_InsertsEmptySection()
    {
        var result = QuestionnaireEdits.AddSection(Sample, NewSection("intro"), 0);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(["intro", "services", "experience"], result.Value.Sections.Select(s => s.Id.Value));
    }

    [Fact]
    public void AddSection_DuplicateId_ReturnsDuplicateId()
    {
        var result = QuestionnaireEdits.AddSection(Sample, NewSection("services"));

        Assert.Equal(ErrorCodes.ImportDuplicateId, result.FirstError?.Code);
        Assert.Equal("$.questionnaire.sections[2].id", result.FirstError?.Path);
    }

    [Fact]
    public void AddSection_ReservedEqualityId_ReturnsReservedId()
    {
        Assert.Equal(ErrorCodes.ImportReservedId, QuestionnaireEdits.AddSection(Sample, NewSection(EqualityMonitoring.SectionId.Value)).FirstError?.Code);
    }

    [Fact]
    public void UpdateSection_NewContentWarning_KeepsQuestions()
    {
        var result = QuestionnaireEdits.UpdateSection(Sample, SampleConsultation.Services, new SectionText(SampleConsultation.T("Services"), null, SampleConsultation.T("Careful")));

        Assert.True(result.Value.Sections[0].CanBeSkipped);
        Assert.Equal(Sample.Sections[0].Questions, result.Value.Sections[0].Questions);
    }

    [Fact]
    public void MoveSection_ToFront_Reorders()
    {
        var result = QuestionnaireEdits.MoveSection(Sample, SampleConsultation.Experience, 0);

        Assert.Equal(["experience", "services"], result.Value.Sections.Select(s => s.Id.Value));
    }

    [Fact]
    public void MoveSection_OutOfRange_ReturnsInvalidPosition()
    {
        Assert.Equal(ErrorCodes.AuthoringInvalidPosition, QuestionnaireEdits.MoveSection(Sample, SampleConsultation.Experience, 2).FirstError?.Code);
    }

    [Fact]
    public void RemoveSection_QuestionsUsedByLaterCondition_ReturnsQuestionInUse()
    {
        var dependant = QuestionnaireEdits.AddQuestion(Sample, SampleConsultation.Experience, NewQuestion("why") with
        {
            ShowWhen = new DisplayCondition(SampleConsultation.UsedServices, ["no"]),
        }).Value;

        var result = QuestionnaireEdits.RemoveSection(dependant, SampleConsultation.Services);

        Assert.Equal(ErrorCodes.AuthoringQuestionInUse, result.FirstError?.Code);
    }

    [Fact]
    public void RemoveSection_Unused_Removes()
    {
        Assert.Equal(["services"], QuestionnaireEdits.RemoveSection(Sample, SampleConsultation.Experience).Value.Sections.Select(s => s.Id.Value));
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.Ranking)]
    public void AddQuestion_ChoiceWithoutOptions_ReturnsInvalidQuestion(QuestionType type)
    {
        var result = QuestionnaireEdits.AddQuestion(Sample, SampleConsultation.Services, NewQuestion("pick", type));

        Assert.Equal(ErrorCodes.ImportInvalidQuestion, result.FirstError?.Code);
        Assert.Equal("$.questionnaire.sections[0].questions[5].options", result.FirstError?.Path);
    }

    [Fact]
    public void AddQuestion_ConditionOnLaterQuestion_ReturnsInvalidCondition()
    {
        var result = QuestionnaireEdits.AddQuestion(Sample, SampleConsultation.Services, NewQuestion("early") with
        {
            ShowWhen = new DisplayCondition(SampleConsultation.Support, ["no"]),
        }, 0);

        Assert.Equal(ErrorCodes.ImportInvalidCondition, result.FirstError?.Code);
    }

    [Fact]
    public void UpdateQuestion_RenameWhileUsedByCondition_ReturnsQuestionInUse()
    {
        var question = Sample.Sections[0].Questions[0] with { Id = new QuestionId("renamed") };

        Assert.Equal(ErrorCodes.AuthoringQuestionInUse, QuestionnaireEdits.UpdateQuestion(Sample, SampleConsultation.UsedServices, question).FirstError?.Code);
    }

    [Fact]
    public void UpdateQuestion_NewOptions_Replaces()
    {
        var question = Sample.Sections[1].Questions[2] with { Options = [new("a", SampleConsultation.T("A")), new("b", SampleConsultation.T("B"))] };

        var result = QuestionnaireEdits.UpdateQuestion(Sample, SampleConsultation.Support, question);

        Assert.Equal(["a", "b"], result.Value.Sections[1].Questions[2].Options.Select(o => o.Value));
    }

    [Fact]
    public void MoveQuestion_ToOtherSection_Moves()
    {
        var result = QuestionnaireEdits.MoveQuestion(Sample, SampleConsultation.Town, SampleConsultation.Experience, 0);

        Assert.Equal(SampleConsultation.Town, result.Value.Sections[1].Questions[0].Id);
        Assert.DoesNotContain(result.Value.Sections[0].Questions, q => q.Id == SampleConsultation.Town);
    }

    [Fact]
    public void MoveQuestion_ConditionSourceBelowDependant_ReturnsInvalidCondition()
    {
        var result = QuestionnaireEdits.MoveQuestion(Sample, SampleConsultation.UsedServices, SampleConsultation.Services, 2);

        Assert.Equal(ErrorCodes.ImportInvalidCondition, result.FirstError?.Code);
    }

    [Fact]
    public void RemoveQuestion_UsedByCondition_ReturnsQuestionInUse()
    {
        Assert.Equal(ErrorCodes.AuthoringQuestionInUse, QuestionnaireEdits.RemoveQuestion(Sample, SampleConsultation.UsedServices).FirstError?.Code);
    }

    [Fact]
    public void RemoveQuestion_Unknown_ReturnsQuestionNotFound()
    {
        Assert.Equal(ErrorCodes.QuestionNotFound, QuestionnaireEdits.RemoveQuestion(Sample, new QuestionId("nope")).FirstError?.Code);
    }

    [Fact]
    public void SetEqualityMonitoring_Off_TurnsModuleOff()
    {
        Assert.False(QuestionnaireEdits.SetEqualityMonitoring(Sample, false).EqualityMonitoring);
    }
}
