using System.Text;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Tests.Introspection;

namespace CoProduce.GraphQL.Tests.Execution;

/// <summary>
/// Random and mutated documents through the whole pipeline (with and without validation in front of execution):
/// every one must produce a result or GraphQL errors — never an exception, a hang or a stack overflow.
/// Seeded, so a failure reproduces; the failing document is in the assertion message.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] s_seeds =
    [
        "{ hello }",
        "query Q($id: ID!, $f: PersonFilter = {name: \"x\"}) { person(id: $id) { id name friends { name pet { __typename ... on Dog { barks } } } } echo(filter: $f) }",
        "{ nodes { __typename ...N } pets { ... on Cat { meows } } } fragment N on Node { id ... on Named { name } }",
        "mutation M { a: increment(by: 2) fail }",
        "subscription { counter(to: 2) }",
        "query($s: Boolean!, $c: Color) { a: hello @skip(if: $s) color(c: $c) badColor badInt nonNullList nonNullError }",
        "{ echo(pet: {id: \"1\"}, list: [1, 2, 3], color: RED, when: \"2020\") people(first: 2) { bestFriend { id } } }",
        "{ __type(name: \"Person\") { fields(includeDeprecated: true) { name args { defaultValue } } } }",
        IntrospectionTests.FullQuery,
    ];

    private static readonly string[] s_tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "!", "$", "@", "...", "=", "|", "&", ",", "query", "mutation", "subscription",
        "fragment", "on", "hello", "person", "id", "name", "friends", "pet", "nodes", "__typename", "__schema", "__type",
        "echo", "filter", "color", "RED", "null", "true", "false", "1", "-1.5e3", "99999999999", "\"str\"",
        "\"\"\"block\"\"\"", "\"\\u00e9\\uD83D\\uDE00\"", "$id", "$s", "@skip(if: true)", "@include(if: $s)", "Person", "Node",
        "ID!", "[Int!]", "#comment\n", "\n", "\u00e9", "\"unterminated", "\\", "\u0000", "increment", "people", "first",
    ];

    private static readonly string[] s_variables =
    [
        "null", "{}", "{\"id\":\"1\"}", "{\"id\":1,\"s\":true,\"c\":\"RED\"}", "{\"id\":[1],\"s\":\"yes\",\"c\":5}",
        "{\"f\":{\"name\":{\"deep\":[1,{\"x\":null}]},\"tags\":[[[]]]}}", "{\"id\":null,\"s\":null}",
    ];

    public static IEnumerable<object[]> Batches() => Enumerable.Range(0, 8).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Fuzz_RandomAndMutatedDocuments_AlwaysAnswer(int batch)
    {
        var random = new Random(20261121 + batch);
        var validated = TestSchema.Executor(new ExecutionOptions { ExecutionTimeout = TimeSpan.FromSeconds(5) });
        var unvalidated = new GraphQLExecutor(TestSchema.Create(),
            new ExecutionOptions { ExecutionTimeout = TimeSpan.FromSeconds(5) }, (_, _, _) => []);
        for (var i = 0; i < 250; i++)
        {
            var document = i % 3 == 0 ? RandomTokens(random) : Mutate(random, s_seeds[random.Next(s_seeds.Length)]);
            var variablesJson = s_variables[random.Next(s_variables.Length)];
            using var json = System.Text.Json.JsonDocument.Parse(variablesJson);
            var variables = ValueCoercion.VariablesFromJson(json.RootElement);
            foreach (var executor in new[] { validated, unvalidated })
            {
                await AssertAnswersAsync(executor, document, variables, variablesJson);
            }
        }
    }

    [Fact]
    public async Task Fuzz_DeepNesting_NoStackOverflow()
    {
        var executor = TestSchema.Executor();
        string[] hostile =
        [
            new string('{', 200_000),
            "{ " + string.Concat(Enumerable.Repeat("person(id: \"1\") { ", 5_000)),
            "{ echo(filter: " + string.Concat(Enumerable.Repeat("{name: ", 10_000)) + ") }",
            "query($v: " + new string('[', 20_000) + "Int" + new string(']', 20_000) + ") { hello }",
            "{ ...A } fragment A on Query { ...A }",
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A hello }",
        ];
        foreach (var document in hostile)
        {
            await AssertAnswersAsync(executor, document, null, "null");
            await AssertAnswersAsync(TestSchema.UnvalidatedExecutor(), document, null, "null");
        }
    }

    private static async Task AssertAnswersAsync(
        GraphQLExecutor executor,
        string document,
        IReadOnlyDictionary<string, object?>? variables,
        string variablesJson)
    {
        ExecutionResult result;
        try
        {
            var task = executor.ExecuteAsync(document, variables).AsTask();
            if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20))) != task)
            {
                Assert.Fail($"Hang on document: {document} with variables {variablesJson}");
            }

            result = await task;
            if (result.Stream is { } stream)
            {
                await foreach (var item in stream)
                {
                    Assert.True(item.HasData || item.Errors.Count > 0);
                }
            }
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message} on document: {document} with variables {variablesJson}\n{e.StackTrace}");
            return;
        }

        Assert.True(result.HasData || result.IsStream || result.Errors.Count > 0, $"No answer for: {document}");
        Assert.DoesNotContain(result.Errors, e => e.Extensions?.GetValueOrDefault("code") as string == ErrorCodes.InternalError);
        _ = result.ToJson();
    }

    private static string RandomTokens(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 60);
        for (var i = 0; i < count; i++)
        {
            builder.Append(s_tokens[random.Next(s_tokens.Length)]).Append(random.Next(3) == 0 ? "" : " ");
        }

        return builder.ToString();
    }

    private static string Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations; m++)
        {
            var position = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0 when text.Length > 0:
                    text.Remove(position, Math.Min(random.Next(1, 8), text.Length - position));
                    break;
                case 1:
                    text.Insert(position, s_tokens[random.Next(s_tokens.Length)]);
                    break;
                case 2 when text.Length > 0:
                    var length = Math.Min(random.Next(1, 40), text.Length - position);
                    text.Insert(position, text.ToString(position, length));
                    break;
                case 3 when text.Length > 0:
                    text[position] = (char)random.Next(32, 127);
                    break;
                case 4:
                    text.Insert(position, "{ " + s_tokens[random.Next(s_tokens.Length)] + " }");
                    break;
                default:
                    text.Append(' ').Append(s_tokens[random.Next(s_tokens.Length)]);
                    break;
            }
        }

        return text.ToString();
    }
}
