using BenchmarkDotNet.Attributes;
using CoProduce.GraphQL.Conformance;
using CoProduce.GraphQL.Execution;

namespace CoProduce.GraphQL.Benchmarks;

/// <summary>
/// The four operations of bench/queries/ on the conformance schema and resolvers, each cold (parse + validate +
/// execute, document cache emptied before every call) and warm (document from the cache), including writing the
/// response as UTF-8 JSON. bench/graphql-js/bench.js measures the same on graphql-js 16.
/// </summary>
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private GraphQLExecutor _executor = null!;
    private GraphQLRequest _request = null!;

    public GraphQLExecutor Executor => _executor;

    public GraphQLRequest Request => _request;

    [Params("three-fields", "forty-fields", "introspection", "large-list")]
    public string Operation { get; set; } = "three-fields";

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepositoryRoot();
        var sdl = File.ReadAllText(Path.Combine(root, "tests", "conformance", "schema.graphql"));
        var data = Fixture.Load(Path.Combine(root, "tests", "conformance", "data.json"));
        var schema = ConformanceSchema.Build(sdl, data);
        // Default limits and validation (graphql() runs graphql-js's introspection depth rule too) except cost: the
        // 1,000-item list is meant to be measured, not refused.
        _executor = new GraphQLExecutor(schema, ExecutionOptions.Default with { MaxCost = double.MaxValue });

        var file = Path.Combine(root, "bench", "queries", Operation + ".graphql");
        var variablesFile = Path.ChangeExtension(file, ".variables.json");
        var variables = File.Exists(variablesFile)
            ? (Dictionary<string, object?>?)JsonValues.FromElement(System.Text.Json.JsonDocument.Parse(File.ReadAllText(variablesFile)).RootElement)
            : null;
        _request = new GraphQLRequest(File.ReadAllText(file), null, variables);

        // Fail loudly rather than measure an error response.
        var result = _executor.ExecuteAsync(_request with { RootValue = new RootValue() }).AsTask().GetAwaiter().GetResult();
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{Operation}: {result.Errors[0]}");
        }
    }

    [Benchmark]
    public async Task<int> Cold()
    {
        _executor.Cache.Clear();
        var result = await _executor.ExecuteAsync(_request with { RootValue = new RootValue() });
        return result.ToUtf8Json().Length;
    }

    [Benchmark]
    public async Task<int> Warm()
    {
        var result = await _executor.ExecuteAsync(_request with { RootValue = new RootValue() });
        return result.ToUtf8Json().Length;
    }

    private static string FindRepositoryRoot()
    {
        // BenchmarkDotNet runs the benchmarks from a generated project under bin/: walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoProduce.sln")))
            {
                return dir.FullName;
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("COPRODUCE_ROOT");
        return fromEnvironment ?? throw new InvalidOperationException("Cannot find the repository root (CoProduce.sln).");
    }
}
