using BenchmarkDotNet.Running;
using CoProduce.GraphQL.Benchmarks;

// dotnet run -c Release -- --job short --filter '*'   (bench/run-graphql.sh runs it next to graphql-js)
// dotnet run -c Release -- phases [operation...]        (time and allocations per phase, to find hot spots)
// dotnet run -c Release -- repeat large-list 20          (warm calls for 20 s, to attach a profiler: dotnet-trace)
if (args is ["repeat", var operation, var seconds])
{
    var bench = new ExecutionBenchmarks { Operation = operation };
    bench.Setup();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var calls = 0;
    while (watch.Elapsed.TotalSeconds < double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
    {
        bench.Warm().GetAwaiter().GetResult();
        calls++;
    }

    Console.WriteLine($"{operation}: {calls} warm calls in {watch.Elapsed.TotalSeconds:F1} s");
    return;
}

if (args is ["phases", .. var operations])
{
    Phases.Run(operations);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ExecutionBenchmarks).Assembly).Run(args);
