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
        if (errors.Count > 0 || IsSubscription(document, testCase.OperationName))
        {
            return outcome;
        }

        var result = await _executor.ExecuteAsync(
            new GraphQLRequest(testCase.Source, testCase.OperationName, testCase.Variables) { RootValue = new RootValue() });

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

    /// <summary>True when the operation that would run is a subscription (graphql-js's getOperationAST).</summary>
    private static bool IsSubscription(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? chosen = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (chosen is not null)
                {
                    return false;
                }

                chosen = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                chosen = operation;
            }
        }

        return chosen?.Operation == OperationType.Subscription;
    }
}
