using CoProduce.Core.Common;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Tests.Consultations;

public sealed class EqualityMonitoringTests
{
    [Theory]
    [InlineData(Jurisdiction.England)]
    [InlineData(Jurisdiction.Wales)]
    public void Section_EveryQuestion_IsOptionalWithExclusivePreferNotToSay(Jurisdiction jurisdiction)
    {
        foreach (var question in EqualityMonitoring.Section(jurisdiction).Questions)
        {
            Assert.False(question.Required);
            var prefer = Assert.Single(question.Options, o => o.Value == EqualityMonitoring.PreferNotToSay);
            Assert.True(prefer.Exclusive);
            Assert.Equal(question.Options[^1], prefer);
        }
    }

    [Fact]
    public void Section_CoversEveryProtectedCharacteristicAndCaring()
    {
        var ids = EqualityMonitoring.Section(Jurisdiction.England).Questions.Select(q => q.Id).ToHashSet();

        Assert.Superset(
            new HashSet<QuestionId>
            {
                EqualityMonitoring.Age, EqualityMonitoring.Sex, EqualityMonitoring.GenderIdentity, EqualityMonitoring.SexualOrientation,
                EqualityMonitoring.LongTermCondition, EqualityMonitoring.Ethnicity, EqualityMonitoring.Religion,
                EqualityMonitoring.PregnancyMaternity, EqualityMonitoring.MarriageCivilPartnership, EqualityMonitoring.Caring,
                EqualityMonitoring.NationalIdentity,
            },
            ids);
    }

    [Theory]
    [InlineData(Jurisdiction.England)]
    [InlineData(Jurisdiction.Wales)]
    public void Section_Ethnicity_HasThe19DetailedCensusCategoriesAndNoAggregateBox(Jurisdiction jurisdiction)
    {
        var ethnicity = EqualityMonitoring.Section(jurisdiction).Questions.Single(q => q.Id == EqualityMonitoring.Ethnicity);

        Assert.Equal(19, ethnicity.Options.Count(o => o.Value != EqualityMonitoring.PreferNotToSay));
        Assert.DoesNotContain(ethnicity.Options, o => o.Label.En.Contains("BAME", StringComparison.OrdinalIgnoreCase) || o.Label.En.Contains("BME", StringComparison.Ordinal));
    }

    [Fact]
    public void Section_WalesVariant_PutsWelshFirst()
    {
        var wales = EqualityMonitoring.Section(Jurisdiction.Wales).Questions;
        var england = EqualityMonitoring.Section(Jurisdiction.England).Questions;

        Assert.Equal("welsh", wales.Single(q => q.Id == EqualityMonitoring.NationalIdentity).Options[0].Value);
        Assert.Equal("english", england.Single(q => q.Id == EqualityMonitoring.NationalIdentity).Options[0].Value);
        Assert.StartsWith("White: Welsh", wales.Single(q => q.Id == EqualityMonitoring.Ethnicity).Options.Single(o => o.Value == "white-british").Label.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_EveryText_HasWelsh()
    {
        var section = EqualityMonitoring.Section(Jurisdiction.Wales);
        var texts = section.Questions.SelectMany(q => new[] { q.Text, q.Hint }.Concat(q.Options.Select(o => o.Label))).OfType<LocalizedText>();

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Cy) || t.Cy == t.En && t.En.Length > 8, t.En));
    }

    [Fact]
    public void ValidateSection_PreferNotToSayWithIdentity_ReturnsExclusiveOption()
    {
        var questionnaire = new Questionnaire { EqualityMonitoring = true };
        var section = EqualityMonitoring.Section(Jurisdiction.Wales);

        var result = AnswerValidator.ValidateSection(questionnaire, Jurisdiction.Wales, section, new Dictionary<QuestionId, Answer>(),
            new Dictionary<string, IReadOnlyList<string>> { [EqualityMonitoring.NationalIdentity.Value] = ["welsh", EqualityMonitoring.PreferNotToSay] });

        Assert.Equal(ErrorCodes.AnswerExclusiveOption, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ValidateSection_DayToDayWithoutCondition_IsDiscarded()
    {
        var questionnaire = new Questionnaire { EqualityMonitoring = true };
        var section = EqualityMonitoring.Section(Jurisdiction.England);

        var result = AnswerValidator.ValidateSection(questionnaire, Jurisdiction.England, section, new Dictionary<QuestionId, Answer>(),
            new Dictionary<string, IReadOnlyList<string>>
            {
                [EqualityMonitoring.LongTermCondition.Value] = ["no"],
                [EqualityMonitoring.DayToDayActivities.Value] = ["a-lot"],
            });

        Assert.True(result.IsValid);
        Assert.False(result.Answers.ContainsKey(EqualityMonitoring.DayToDayActivities));
        Assert.Single(result.Notices);
    }

    [Fact]
    public void IsReserved_EqualityPrefix_IsTrue()
    {
        Assert.True(EqualityMonitoring.IsReserved("equality-age"));
        Assert.False(EqualityMonitoring.IsReserved("age"));
    }
}
