using System.Diagnostics;
using System.Text;
using CoProduce.GraphQL.Conformance;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- phases [operation...]`: a quick split of where a cold request spends its time (parse, validate,
/// execute from the cache) and what each phase allocates, to point at hot spots. Not a benchmark: a stopwatch loop.
/// </summary>
public static class Phases
{
    public static void Run(string[] operations)
    {
        foreach (var operation in operations.Length > 0 ? operations : ["three-fields", "forty-fields", "introspection", "large-list"])
        {
            var bench = new ExecutionBenchmarks { Operation = operation };
            bench.Setup();
            var source = bench.Request.Query;
            var utf8 = Encoding.UTF8.GetBytes(source);
            var schema = bench.Executor.Schema;
            var document = Parser.Parse(utf8);

            var parse = Measure(() => Parser.Parse(utf8));
            var validate = Measure(() => DocumentValidator.Validate(schema, document));
            var execute = Measure(() => bench.Executor.ExecuteAsync(bench.Request with { RootValue = new RootValue() })
                .AsTask().GetAwaiter().GetResult());
            var result = bench.Executor.ExecuteAsync(bench.Request with { RootValue = new RootValue() }).AsTask().GetAwaiter().GetResult();
            var write = Measure(() => result.ToUtf8Json());
            var warm = Measure(() => bench.Warm().GetAwaiter().GetResult());
            var cold = Measure(() => bench.Cold().GetAwaiter().GetResult());
            Console.WriteLine($"{operation,-14} parse {parse}  validate {validate}  execute (warm) {execute}  write JSON {write}  warm {warm}  cold {cold}");
            if (operation == "large-list")
            {
                // The benchmark resolver's own share of execution (graphql-js builds the same 1,000 objects).
                Console.WriteLine($"{"",-14} resolver alone (1,000 dictionaries) {Measure(() => ConformanceSchema.Items(1000))}");
            }
        }
    }

    private static string Measure(Action action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var iterations = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        // CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 1000)
        {
            action();
            iterations++;
        }

        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return $"{watch.Elapsed.TotalMicroseconds / iterations,9:F1} µs (CPU {cpu.TotalMicroseconds / iterations,9:F1} µs) {allocated / iterations / 1024.0,8:F1} KB";
    }
}
