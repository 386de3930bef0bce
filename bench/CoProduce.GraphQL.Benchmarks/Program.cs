using BenchmarkDotNet.Running;
using CoProduce.GraphQL.Benchmarks;

// dotnet run -c Release -- --job short --filter '*'   (bench/run-graphql.sh runs it next to graphql-js)
// dotnet run -c Release -- phases [operation...]        (time and allocations per phase, to find hot spots)
if (args is ["phases", .. var operations])
{
    Phases.Run(operations);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ExecutionBenchmarks).Assembly).Run(args);
