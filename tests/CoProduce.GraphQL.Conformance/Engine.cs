using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Conformance;

/// <summary>Runs a case through CoProduce.GraphQL: parse, validate, and execute valid queries and mutations.</summary>
public sealed class Engine(string sdl, Fixture data)
{
    public Schema Schema { get; } = ConformanceSchema.Build(sdl, data);

    public async Task<Outcome> RunAsync(Case testCase)
    {
        var outcome = new Outcome();
        var document = Parser.TryParse(System.Text.Encoding.UTF8.GetBytes(testCase.Source), out var syntaxError);
        if (document is null)
        {
            outcome.Syntax = $"{syntaxError!.Line}:{syntaxError.Column}";
            outcome.Messages.Add(syntaxError.Message);
            return outcome;
        }

        await Task.CompletedTask;
        throw new NotImplementedException("validation and execution are not wired yet");
    }
}
