using System.Text.Json;
using System.Text.Json.Nodes;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationDefinitionReaderTests
{
    private static string DemoJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoContent", "sexual-violence-support-services.json"));

    private static string Edit(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(DemoJson)!; // The demo file is valid JSON (tested below).
        change(node);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    [Fact]
    public void Read_DemoContent_IsValid()
    {
        var result = ConsultationDefinitionReader.Read(DemoJson);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Read_DemoContent_UsesEveryQuestionTypeAndEveryFeature()
    {
        var definition = ConsultationDefinitionReader.Read(DemoJson).Value;
        var questions = definition.Questionnaire.Sections.SelectMany(s => s.Questions).ToArray();

        Assert.Equal(Enum.GetValues<QuestionType>().Order(), questions.Select(q => q.Type).Distinct().Order());
        Assert.Contains(definition.Questionnaire.Sections, s => s.ContentWarning is not null);
        Assert.Contains(questions, q => q.ShowWhen is not null);
        Assert.Contains(questions, q => q.Options.Any(o => o.Exclusive));
        Assert.True(definition.Questionnaire.EqualityMonitoring);
        Assert.NotEmpty(definition.Documents);
        Assert.Equal(3, definition.DataProtection.RetentionYears);
        Assert.NotNull(definition.NeutralPageTitle);
    }

    [Fact]
    public void Read_DemoContent_EveryWelshTextDiffersFromEnglish()
    {
        var definition = ConsultationDefinitionReader.Read(DemoJson).Value;
        var texts = new List<LocalizedText>();
        Collect(JsonNode.Parse(JsonSerializer.Serialize(definition, CoProduce.Core.Storage.StorageJson.Options)), texts);

        Assert.NotEmpty(texts);
        var identical = texts.Where(t => t.En == t.Cy && t.En.Any(char.IsLower) && t.En != "Braille").ToArray();
        Assert.True(identical.Length == 0, "Untranslated: " + string.Join(" | ", identical.Select(t => t.En)));
    }

    private static void Collect(JsonNode? node, List<LocalizedText> texts)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 2 && o["en"] is JsonValue en && o["cy"] is JsonValue cy:
                texts.Add(new LocalizedText(en.GetValue<string>(), cy.GetValue<string>()));
                break;
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Collect(value, texts);
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Collect(value, texts);
                }

                break;
        }
    }

    [Fact]
    public void Read_SyntaxError_ReportsLineAndColumn()
    {
        var json = "{\n  \"reference\": \"WG1\",\n  \"title\": { \"en\": \"x\" \"cy\": \"y\" }\n}";

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportInvalidJson, error.Code);
        Assert.Equal(3, error.Position?.Line);
    }

    [Fact]
    public void Read_UnknownProperty_ReportsItsPath()
    {
        var json = Edit(n => n["questionnaire"]!["sections"]![0]!["questions"]![0]!["colour"] = "red");

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportInvalidJson, error.Code);
        Assert.Contains("colour", error.Path, StringComparison.Ordinal);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void Read_UnknownQuestionType_ReportsInvalidJsonAtType()
    {
        var json = Edit(n => n["questionnaire"]!["sections"]![0]!["questions"]![0]!["type"] = "essay");

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal("$.questionnaire.sections[0].questions[0].type", error.Path);
    }

    [Fact]
    public void Read_MissingWelsh_ReportsMissingTranslationAtLine()
    {
        var json = Edit(n => n["summary"]!["cy"] = "  ");

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportMissingTranslation, error.Code);
        Assert.Equal("$.summary.cy", error.Path);
        var line = json.Split('\n').Select((text, index) => (text, index)).First(l => l.text.Contains("\"cy\": \"  \"", StringComparison.Ordinal)).index + 1;
        Assert.Equal(line, error.Position?.Line);
    }

    [Fact]
    public void Read_MissingRequiredProperty_ReportsInvalidJson()
    {
        var json = Edit(n => n.AsObject().Remove("dataProtection"));

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportInvalidJson, error.Code);
        Assert.Contains("dataProtection", error.Arguments[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralRuleBreaks_ReportsEachWithItsPath()
    {
        var json = Edit(n =>
        {
            n["reference"] = "not valid!";
            n["closesAt"] = "2020-01-01T00:00:00Z";
            var questions = n["questionnaire"]!["sections"]![1]!["questions"]!.AsArray();
            questions[1]!["showWhen"]!["question"] = "later-question";
            questions[0]!["id"] = "equality-mine";
            questions[4]!["maxLength"] = 0;
            questions[3]!["scale"]!["max"] = 1;
        });

        var errors = ConsultationDefinitionReader.Read(json).Errors;

        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportInvalidReference && e.Path == "$.reference");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportInvalidDates && e.Path == "$.closesAt");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportInvalidCondition && e.Path == "$.questionnaire.sections[1].questions[1].showWhen.question");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportReservedId && e.Path == "$.questionnaire.sections[1].questions[0].id");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportInvalidValue && e.Path == "$.questionnaire.sections[1].questions[4].maxLength");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportInvalidValue && e.Path == "$.questionnaire.sections[1].questions[3].scale.max");
        Assert.All(errors, e => Assert.NotNull(e.Position));
    }

    [Fact]
    public void Read_DuplicateQuestionIdAndOptionValue_ReportsDuplicates()
    {
        var json = Edit(n =>
        {
            var questions = n["questionnaire"]!["sections"]![0]!["questions"]!.AsArray();
            questions[2]!["id"] = "connection";
            var options = questions[0]!["options"]!.AsArray();
            options[1]!["value"] = "survivor";
        });

        var errors = ConsultationDefinitionReader.Read(json).Errors;

        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportDuplicateId && e.Path == "$.questionnaire.sections[0].questions[2].id");
        Assert.Contains(errors, e => e.Code == ErrorCodes.ImportDuplicateId && e.Path == "$.questionnaire.sections[0].questions[0].options[1].value");
    }

    [Fact]
    public void Read_ConditionValueNotAnOption_ReportsInvalidCondition()
    {
        var json = Edit(n => n["questionnaire"]!["sections"]![1]!["questions"]![1]!["showWhen"]!["anyOf"] = new JsonArray("perhaps"));

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportInvalidCondition, error.Code);
        Assert.Equal("$.questionnaire.sections[1].questions[1].showWhen.anyOf[0]", error.Path);
    }

    [Fact]
    public void Read_RequiredWithoutReason_ReportsMissingValue()
    {
        var json = Edit(n => n["questionnaire"]!["sections"]![0]!["questions"]![0]!["required"] = true);

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal(ErrorCodes.ImportMissingValue, error.Code);
        Assert.Equal("$.questionnaire.sections[0].questions[0].requiredReason", error.Path);
    }

    [Fact]
    public void Read_OptionsOnTextQuestion_ReportsInvalidQuestion()
    {
        var json = Edit(n => n["questionnaire"]!["sections"]![2]!["questions"]![1]!["options"] = new JsonArray(
            new JsonObject { ["value"] = "a", ["label"] = new JsonObject { ["en"] = "A", ["cy"] = "A" } }));

        Assert.Contains(ConsultationDefinitionReader.Read(json).Errors, e => e.Code == ErrorCodes.ImportInvalidQuestion && e.Path == "$.questionnaire.sections[2].questions[1].options");
    }

    [Fact]
    public void Read_NonHttpDocumentUrl_ReportsInvalidValue()
    {
        var json = Edit(n => n["documents"]![0]!["url"]!["cy"] = "javascript:alert(1)");

        var error = Assert.Single(ConsultationDefinitionReader.Read(json).Errors);

        Assert.Equal("$.documents[0].url.cy", error.Path);
    }
}
