using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Tests.Consultations;

/// <summary>docs/consultation-definition.schema.json must describe what the importer reads.</summary>
public sealed class DefinitionSchemaDocTests
{
    private static JsonNode Schema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoProduce.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory.FullName, "docs", "consultation-definition.schema.json")))!; // Parsed from a file that exists.
    }

    private static string[] Enum(JsonNode? node) => node!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order().ToArray(); // Paths exist in the schema.

    private static string[] Names<T>()
        where T : struct, Enum => System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName).Order().ToArray();

    [Fact]
    public void Schema_Enums_MatchTheDomain()
    {
        var schema = Schema();

        Assert.Equal(Names<QuestionType>(), Enum(schema["$defs"]!["question"]!["properties"]!["type"]));
        Assert.Equal(Names<Audience>(), Enum(schema["properties"]!["audience"]));
        Assert.Equal(Names<Jurisdiction>(), Enum(schema["properties"]!["jurisdiction"]));
        Assert.Equal(Names<CommissioningPhase>(), Enum(schema["properties"]!["phase"]));
    }

    [Fact]
    public void Schema_TopLevel_HasEveryPropertyAndRequiresTheRequiredOnes()
    {
        var schema = Schema();
        var properties = typeof(ConsultationDefinition).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var names = properties.Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        var required = properties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(names.Order(), schema["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(required.Order(), schema["required"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
    }
}
