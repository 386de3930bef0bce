using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.Conformance;

// The .NET side of tests/conformance: `dotnet CoProduce.GraphQL.Conformance.dll SCHEMA DATA` reads one JSON case a
// line on stdin ({"name", "source", "variables", "operationName"}) and writes one JSON outcome a line on stdout, in
// the shape tests/conformance/lib/reference.js gives graphql-js's outcome. One process runs the whole corpus.
// With --async every resolver yields first, so execution takes its asynchronous path.
if (args.Length is < 2 or > 3 || (args.Length == 3 && args[2] != "--async"))
{
    Console.Error.WriteLine("usage: CoProduce.GraphQL.Conformance SCHEMA.graphql DATA.json [--async] < cases.jsonl");
    return 2;
}

var engine = new Engine(File.ReadAllText(args[0]), Fixture.Load(args[1]), asyncResolvers: args.Length == 3);
using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
while (await input.ReadLineAsync() is { } line)
{
    if (line.Length == 0)
    {
        continue;
    }

    using var json = JsonDocument.Parse(line);
    var root = json.RootElement;
    var testCase = new Case(
        root.GetProperty("name").GetString()!,
        root.GetProperty("source").GetString()!,
        root.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
            ? (Dictionary<string, object?>)JsonValues.FromElement(v)!
            : null,
        root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null);
    Outcome outcome;
    try
    {
        outcome = await engine.RunAsync(testCase);
    }
    catch (Exception e)
    {
        // An exception escaping the engine is itself a finding: report it instead of stopping the run.
        outcome = new Outcome { HostError = $"{e.GetType().Name}: {e.Message}" };
    }

    output.WriteLine(outcome.ToJson(testCase.Name));
}

await output.FlushAsync();
return 0;
