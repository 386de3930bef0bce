using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

public sealed class AnswerValidatorTests
{
    private static readonly ConsultationDefinition Definition =
        SampleConsultation.Definition("WG1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));

    private static Questionnaire Questionnaire => Definition.Questionnaire;

    private static Section Services => Questionnaire.Sections[0];

    private static Section Experience => Questionnaire.Sections[1];

    private static readonly IReadOnlyDictionary<QuestionId, Answer> NoAnswers = new Dictionary<QuestionId, Answer>();

    private static SectionValidation Validate(Section section, params (QuestionId, string[])[] values) =>
        AnswerValidator.ValidateSection(Questionnaire, Jurisdiction.Wales, section, NoAnswers, SampleConsultation.Form(values));

    private static Question Q(QuestionType type, int? maxLength = null, NumberSettings? number = null, ScaleSettings? scale = null, params ChoiceOption[] options) => new()
    {
        Id = new QuestionId("q"),
        Type = type,
        Text = SampleConsultation.T("Q"),
        MaxLength = maxLength,
        Number = number,
        Scale = scale,
        Options = options,
    };

    [Fact]
    public void ValidateSection_NothingPosted_IsValidAndEmpty()
    {
        var result = Validate(Services);

        Assert.True(result.IsValid);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void ValidateSection_BlankValues_AreTreatedAsUnanswered()
    {
        var result = Validate(Services, (SampleConsultation.Town, ["   "]), (SampleConsultation.MilesTravelled, [""]));

        Assert.True(result.IsValid);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void ValidateSection_UnknownFields_AreIgnored()
    {
        var result = AnswerValidator.ValidateSection(Questionnaire, Jurisdiction.Wales, Services, NoAnswers,
            new Dictionary<string, IReadOnlyList<string>> { ["__RequestVerificationToken"] = ["x"], ["story"] = ["other section"] });

        Assert.True(result.IsValid);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Parse_ShortTextOverDefaultLimit_ReturnsTooLongWithLimitAndLength()
    {
        var (_, error) = AnswerValidator.Parse(Q(QuestionType.ShortText), [new string('a', 501)]);

        Assert.Equal(ErrorCodes.AnswerTooLong, error?.Code);
        Assert.Equal([500, 501], error?.Arguments);
    }

    [Fact]
    public void Parse_LongTextAtDefaultLimit_IsAccepted()
    {
        var (answer, error) = AnswerValidator.Parse(Q(QuestionType.LongText), [new string('a', Question.DefaultLongTextMaxLength)]);

        Assert.Null(error);
        Assert.IsType<TextAnswer>(answer);
    }

    [Fact]
    public void Parse_LongTextWithWindowsLineBreaks_CountsThemOnce()
    {
        var (answer, error) = AnswerValidator.Parse(Q(QuestionType.LongText, maxLength: 5), ["a\r\nb\r\nc"]);

        Assert.Null(error);
        Assert.Equal(new TextAnswer("a\nb\nc"), answer);
    }

    [Fact]
    public void Parse_ShortTextWithLineBreak_FoldsToSpace()
    {
        var (answer, _) = AnswerValidator.Parse(Q(QuestionType.ShortText), ["a\nb"]);

        Assert.Equal(new TextAnswer("a b"), answer);
    }

    [Fact]
    public void Parse_SingleChoiceUnknownValue_ReturnsInvalidChoice()
    {
        var (_, error) = AnswerValidator.Parse(Q(QuestionType.SingleChoice, options: [new("a", SampleConsultation.T("A")), new("b", SampleConsultation.T("B"))]), ["c"]);

        Assert.Equal(ErrorCodes.AnswerInvalidChoice, error?.Code);
        Assert.Equal("q", error?.Path);
    }

    [Fact]
    public void Parse_SingleChoiceTwoValues_ReturnsTooManyValues()
    {
        var (_, error) = AnswerValidator.Parse(Q(QuestionType.SingleChoice, options: [new("a", SampleConsultation.T("A")), new("b", SampleConsultation.T("B"))]), ["a", "b"]);

        Assert.Equal(ErrorCodes.AnswerTooManyValues, error?.Code);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("not-sure")]
    public void Parse_YesNoNotSure_AcceptsFixedOptions(string value)
    {
        var (answer, error) = AnswerValidator.Parse(Q(QuestionType.YesNoNotSure), [value]);

        Assert.Null(error);
        Assert.Equal(new ChoiceAnswer([value]), answer);
    }

    [Fact]
    public void Parse_YesNoNotSureOtherValue_ReturnsInvalidChoice()
    {
        Assert.Equal(ErrorCodes.AnswerInvalidChoice, AnswerValidator.Parse(Q(QuestionType.YesNoNotSure), ["maybe"]).Error?.Code);
    }

    [Fact]
    public void Parse_MultipleChoice_KeepsAuthoredOrderAndDropsDuplicates()
    {
        var question = Q(QuestionType.MultipleChoice, options: [new("a", SampleConsultation.T("A")), new("b", SampleConsultation.T("B")), new("c", SampleConsultation.T("C"))]);

        var (answer, _) = AnswerValidator.Parse(question, ["c", "a", "c"]);

        Assert.Equal(new ChoiceAnswer(["a", "c"]), answer);
    }

    [Fact]
    public void Parse_MultipleChoiceExclusiveWithOthers_ReturnsExclusiveOption()
    {
        var question = Q(QuestionType.MultipleChoice, options: [new("a", SampleConsultation.T("A")), new("none", SampleConsultation.T("None")) { Exclusive = true }]);

        var (_, error) = AnswerValidator.Parse(question, ["a", "none"]);

        Assert.Equal(ErrorCodes.AnswerExclusiveOption, error?.Code);
        Assert.Equal(["none"], error?.Arguments);
    }

    [Fact]
    public void Parse_MultipleChoiceExclusiveAlone_IsAccepted()
    {
        var question = Q(QuestionType.MultipleChoice, options: [new("a", SampleConsultation.T("A")), new("none", SampleConsultation.T("None")) { Exclusive = true }]);

        Assert.Equal(new ChoiceAnswer(["none"]), AnswerValidator.Parse(question, ["none"]).Answer);
    }

    [Theory]
    [InlineData("0", ErrorCodes.AnswerOutOfRange)]
    [InlineData("6", ErrorCodes.AnswerOutOfRange)]
    [InlineData("2.5", ErrorCodes.AnswerInvalidChoice)]
    [InlineData("five", ErrorCodes.AnswerInvalidChoice)]
    public void Parse_ScaleInvalid_ReturnsError(string value, string code)
    {
        var question = Q(QuestionType.Scale, scale: new ScaleSettings(1, 5, SampleConsultation.T("Low"), SampleConsultation.T("High")));

        Assert.Equal(code, AnswerValidator.Parse(question, [value]).Error?.Code);
    }

    [Fact]
    public void Parse_ScaleInRange_ReturnsNumber()
    {
        var question = Q(QuestionType.Scale, scale: new ScaleSettings(1, 5, SampleConsultation.T("Low"), SampleConsultation.T("High")));

        Assert.Equal(new NumberAnswer(5), AnswerValidator.Parse(question, ["5"]).Answer);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 1,000 ", 1000)]
    [InlineData("-3", -3)]
    public void Parse_NumberValid_ReturnsValue(string value, int expected)
    {
        var question = Q(QuestionType.Number, number: new NumberSettings { Min = -10, Max = 5000, IntegerOnly = true });

        Assert.Equal(new NumberAnswer(expected), AnswerValidator.Parse(question, [value]).Answer);
    }

    [Theory]
    [InlineData("abc", ErrorCodes.AnswerNotANumber)]
    [InlineData("1e5", ErrorCodes.AnswerNotANumber)]
    [InlineData("2.5", ErrorCodes.AnswerNotAWholeNumber)]
    [InlineData("-11", ErrorCodes.AnswerOutOfRange)]
    [InlineData("5001", ErrorCodes.AnswerOutOfRange)]
    public void Parse_NumberInvalid_ReturnsError(string value, string code)
    {
        var question = Q(QuestionType.Number, number: new NumberSettings { Min = -10, Max = 5000, IntegerOnly = true });

        Assert.Equal(code, AnswerValidator.Parse(question, [value]).Error?.Code);
    }

    [Fact]
    public void Parse_NumberDecimalAllowed_KeepsFraction()
    {
        Assert.Equal(new NumberAnswer(2.5m), AnswerValidator.Parse(Q(QuestionType.Number), ["2.5"]).Answer);
    }

    private static Question Ranking() => Q(QuestionType.Ranking, options: [new("a", SampleConsultation.T("A")), new("b", SampleConsultation.T("B")), new("c", SampleConsultation.T("C"))]);

    [Fact]
    public void Parse_RankingPartial_ReturnsRankedInOrder()
    {
        Assert.Equal(new RankingAnswer(["c", "a"]), AnswerValidator.Parse(Ranking(), ["a:2", "c:1", "b:"]).Answer);
    }

    [Fact]
    public void Parse_RankingDuplicateRank_ReturnsDuplicateRank()
    {
        var (_, error) = AnswerValidator.Parse(Ranking(), ["a:1", "b:1"]);

        Assert.Equal(ErrorCodes.AnswerDuplicateRank, error?.Code);
        Assert.Equal([1], error?.Arguments);
    }

    [Fact]
    public void Parse_RankingSameOptionTwice_ReturnsDuplicateRank()
    {
        Assert.Equal(ErrorCodes.AnswerDuplicateRank, AnswerValidator.Parse(Ranking(), ["a:1", "a:2"]).Error?.Code);
    }

    [Theory]
    [InlineData("a:4")]
    [InlineData("a:0")]
    [InlineData("a:x")]
    [InlineData("a")]
    public void Parse_RankingBadRank_ReturnsInvalidRank(string value)
    {
        Assert.Equal(ErrorCodes.AnswerInvalidRank, AnswerValidator.Parse(Ranking(), [value]).Error?.Code);
    }

    [Fact]
    public void Parse_RankingWithGap_ReturnsInvalidRank()
    {
        Assert.Equal(ErrorCodes.AnswerInvalidRank, AnswerValidator.Parse(Ranking(), ["a:1", "b:3"]).Error?.Code);
    }

    [Fact]
    public void Parse_RankingUnknownOption_ReturnsInvalidChoice()
    {
        Assert.Equal(ErrorCodes.AnswerInvalidChoice, AnswerValidator.Parse(Ranking(), ["z:1"]).Error?.Code);
    }

    [Fact]
    public void ToFormValues_EveryAnswerKind_RoundTripsThroughParse()
    {
        var ranking = Ranking();
        var answer = new RankingAnswer(["b", "a"]);

        Assert.Equal(answer, AnswerValidator.Parse(ranking, answer.ToFormValues()).Answer);
        Assert.Equal(["2.5"], new NumberAnswer(2.5m).ToFormValues());
    }

    [Fact]
    public void ValidateSection_ConditionMet_KeepsConditionalAnswer()
    {
        var result = Validate(Services, (SampleConsultation.UsedServices, ["yes"]), (SampleConsultation.WhichServices, ["isva"]));

        Assert.True(result.IsValid);
        Assert.Empty(result.Notices);
        Assert.Equal(new ChoiceAnswer(["isva"]), result.Answers[SampleConsultation.WhichServices]);
    }

    [Fact]
    public void ValidateSection_ConditionNotMet_DiscardsValueWithNotice()
    {
        var result = Validate(Services, (SampleConsultation.UsedServices, ["not-sure"]), (SampleConsultation.WhichServices, ["isva"]));

        Assert.True(result.IsValid);
        Assert.False(result.Answers.ContainsKey(SampleConsultation.WhichServices));
        var notice = Assert.Single(result.Notices);
        Assert.Equal(ErrorCodes.AnswerHiddenQuestionDiscarded, notice.Code);
    }

    [Fact]
    public void ValidateSection_InvalidValueForHiddenQuestion_IsDiscardedNotAnError()
    {
        var result = Validate(Services, (SampleConsultation.WhichServices, ["not-an-option"]));

        Assert.True(result.IsValid);
        Assert.Single(result.Notices);
    }

    [Fact]
    public void ValidateSection_OneInvalidAnswer_SavesNothing()
    {
        var result = Validate(Services, (SampleConsultation.Town, ["Caerdydd"]), (SampleConsultation.MilesTravelled, ["-1"]));

        Assert.False(result.IsValid);
        Assert.Empty(result.Answers);
        Assert.Equal("miles-travelled", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void ValidateSection_RequiredVisibleUnanswered_ReturnsRequired()
    {
        var definition = SampleConsultation.Definition("WG1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), requiredQuestion: true);

        var result = AnswerValidator.ValidateSection(definition.Questionnaire, Jurisdiction.Wales, definition.Questionnaire.Sections[0], NoAnswers, SampleConsultation.Form());

        Assert.Equal(ErrorCodes.AnswerRequired, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void CheckComplete_RequiredInSkippedSection_IsNotMissing()
    {
        var questionnaire = Questionnaire with
        {
            Sections = [Services, Experience with { Questions = [.. Experience.Questions.Select(q => q with { Required = true, RequiredReason = SampleConsultation.T("Why") })] }],
        };

        Assert.Equal(3, AnswerValidator.CheckComplete(questionnaire, Jurisdiction.Wales, NoAnswers, []).Count);
        Assert.Empty(AnswerValidator.CheckComplete(questionnaire, Jurisdiction.Wales, NoAnswers, [SampleConsultation.Experience]));
    }

    [Fact]
    public void Prune_AnswerHiddenBySavedAnswer_IsDropped()
    {
        var answers = new Dictionary<QuestionId, Answer>
        {
            [SampleConsultation.UsedServices] = new ChoiceAnswer(["no"]),
            [SampleConsultation.WhichServices] = new ChoiceAnswer(["isva"]),
            [SampleConsultation.Story] = new TextAnswer("kept"),
            [new QuestionId("ghost")] = new TextAnswer("not a question"),
        };

        var pruned = AnswerValidator.Prune(Questionnaire, Jurisdiction.Wales, answers, []);

        Assert.Equal([SampleConsultation.UsedServices, SampleConsultation.Story], pruned.Keys.OrderBy(k => k.Value).Reverse());
    }

    [Fact]
    public void Prune_SkippedSection_DropsItsAnswers()
    {
        var answers = new Dictionary<QuestionId, Answer> { [SampleConsultation.Story] = new TextAnswer("x") };

        Assert.Empty(AnswerValidator.Prune(Questionnaire, Jurisdiction.Wales, answers, [SampleConsultation.Experience]));
    }

    [Fact]
    public void VisibleQuestionIds_ConditionOnHiddenQuestion_HidesBoth()
    {
        var questionnaire = Questionnaire with
        {
            Sections =
            [
                Services with
                {
                    Questions =
                    [
                        .. Services.Questions,
                        new Question { Id = new("follow-up"), Type = QuestionType.ShortText, Text = SampleConsultation.T("More"), ShowWhen = new(SampleConsultation.WhichServices, ["isva"]) },
                    ],
                },
            ],
        };
        var answers = new Dictionary<QuestionId, Answer>
        {
            [SampleConsultation.UsedServices] = new ChoiceAnswer(["no"]),
            [SampleConsultation.WhichServices] = new ChoiceAnswer(["isva"]),
        };

        var visible = Conditions.VisibleQuestionIds(questionnaire, Jurisdiction.Wales, answers);

        Assert.DoesNotContain(SampleConsultation.WhichServices, visible);
        Assert.DoesNotContain(new QuestionId("follow-up"), visible);
    }
}
