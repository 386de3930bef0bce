using System.Diagnostics;
using System.Text;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- phases`: a quick split of where a cold request spends its time (parse, validate,
/// execute from the cache) and what each phase allocates, to point at hot spots. Not a benchmark: a stopwatch loop.
/// </summary>
public static class Phases
{
    public static void Run()
    {
        foreach (var operation in new[] { "three-fields", "forty-fields", "introspection", "large-list" })
        {
            var bench = new ExecutionBenchmarks { Operation = operation };
            bench.Setup();
            var source = bench.Request.Query;
            var utf8 = Encoding.UTF8.GetBytes(source);
            var schema = bench.Executor.Schema;
            var document = Parser.Parse(utf8);

            var parse = Measure(() => Parser.Parse(utf8));
            var validate = Measure(() => DocumentValidator.Validate(schema, document));
            var warm = Measure(() => bench.Warm().GetAwaiter().GetResult());
            var cold = Measure(() => bench.Cold().GetAwaiter().GetResult());
            Console.WriteLine($"{operation,-14} parse {parse}  validate {validate}  warm {warm}  cold {cold}");
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
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 1000)
        {
            action();
            iterations++;
        }

        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return $"{watch.Elapsed.TotalMicroseconds / iterations,9:F1} µs {allocated / iterations / 1024.0,8:F1} KB";
    }
}
