using BenchmarkDotNet.Running;

// dotnet run -c Release -- --job short --filter '*'   (bench/run-graphql.sh runs it next to graphql-js)
BenchmarkSwitcher.FromAssembly(typeof(CoProduce.GraphQL.Benchmarks.ExecutionBenchmarks).Assembly).Run(args);
