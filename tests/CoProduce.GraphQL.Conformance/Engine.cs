using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Conformance;

/// <summary>
/// Runs a case through CoProduce.GraphQL the way graphql-js is run on the other side: parse, validate, and execute
/// valid queries and mutations (subscriptions are validated only) through the request pipeline,
/// <see cref="GraphQLExecutor"/>, whose JSON response is what gets compared.
/// </summary>
public sealed class Engine
{
    // The engine's safety limits are not part of the specification, and graphql-js has none: lift them so they
    // never decide a case.
    private static readonly ParserOptions Parsing = ParserOptions.Default with { MaxTokens = int.MaxValue, MaxDocumentBytes = int.MaxValue };

    private readonly GraphQLExecutor _executor;

    public Engine(string sdl, Fixture data, bool asyncResolvers = false)
    {
        Schema = ConformanceSchema.Build(sdl, data, asyncResolvers);
        _executor = new GraphQLExecutor(
            Schema,
            ExecutionOptions.Default with
            {
                Parser = Parsing,
                MaxSelectionDepth = int.MaxValue,
                MaxFields = int.MaxValue,
                MaxAliases = int.MaxValue,
                MaxCost = double.MaxValue,
                Validation = Validation,
            });
    }

    public Schema Schema { get; }

    /// <summary>
    /// The specification's validation rules, every error reported. graphql-js's own MaxIntrospectionDepthRule (not in
    /// the specification) is left out on both sides.
    /// </summary>
    public static ValidationOptions Validation { get; } = ValidationOptions.Default with
    {
        MaxErrors = int.MaxValue,
        LimitIntrospectionDepth = false,
    };

    public async Task<Outcome> RunAsync(Case testCase)
    {
        var outcome = new Outcome();
        var document = Parser.TryParse(Encoding.UTF8.GetBytes(testCase.Source), out var syntaxError, Parsing);
        if (document is null)
        {
            outcome.Syntax = $"{syntaxError!.Line}:{syntaxError.Column}"; // TryParse gives the error when it gives no document
            outcome.Messages.Add(syntaxError.Message);
            return outcome;
        }

        var errors = DocumentValidator.Validate(Schema, document, Validation);
        outcome.Validation = [.. errors.Select(Outcome.Locations).Order(StringComparer.Ordinal)];
        outcome.Messages.AddRange(errors.Select(e => e.Message));
        if (errors.Count > 0)
        {
            return outcome;
        }

        var result = await _executor.ExecuteAsync(
            new GraphQLRequest(testCase.Source, testCase.OperationName, testCase.Variables) { RootValue = new RootValue() });
        if (result.Stream is { } stream)
        {
            return await CollectAsync(stream, outcome);
        }

        // Compare what goes on the wire: the engine's own JSON, re-read (to set aside escaping choices) in order.
        using var response = JsonDocument.Parse(result.ToUtf8Json());
        outcome.Executed = true;
        outcome.HasData = response.RootElement.TryGetProperty("data", out var data);
        outcome.Data = outcome.HasData ? JsonValues.Stringify(JsonValues.FromElement(data)) : null;
        outcome.ErrorPaths = [.. result.Errors.Select(Outcome.PathOf).Order(StringComparer.Ordinal)];
        outcome.Messages.Clear();
        outcome.Messages.AddRange(result.Errors.Select(e => e.Message));
        return outcome;
    }

    /// <summary>
    /// A subscription's response stream, as reference.js reports it: the JSON array of the events' data, and each
    /// error path prefixed with its event's index.
    /// </summary>
    private static async Task<Outcome> CollectAsync(IAsyncEnumerable<ExecutionResult> stream, Outcome outcome)
    {
        var events = new List<object?>();
        var paths = new List<string>();
        outcome.Messages.Clear();
        await foreach (var result in stream)
        {
            using var response = JsonDocument.Parse(result.ToUtf8Json());
            events.Add(response.RootElement.TryGetProperty("data", out var data) ? JsonValues.FromElement(data) : null);
            paths.AddRange(result.Errors.Select(e => $"{events.Count - 1}:{Outcome.PathOf(e)}"));
            outcome.Messages.AddRange(result.Errors.Select(e => e.Message));
        }

        outcome.Executed = true;
        outcome.HasData = true;
        outcome.Data = JsonValues.Stringify(events);
        outcome.ErrorPaths = [.. paths.Order(StringComparer.Ordinal)];
        return outcome;
    }
}
