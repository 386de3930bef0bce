using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Tests.Validation;

/// <summary>
/// Hostile documents must validate quickly (a complexity check with a generous bound; timings belong in bench/) and
/// end the way graphql-js 16.15 ends them: its work budgets abort validation with "Validation aborted.".
/// </summary>
public sealed class PathologicalDocumentTests
{
    private static readonly ParserOptions s_bigDocuments = ParserOptions.Default with { MaxTokens = 1_000_000 };

    [Fact]
    public void Validate_TwoThousandSameNameFields_AbortsQuicklyLikeGraphQLJs()
    {
        var errors = ValidateTimed("{ dog { " + Repeat("name ", 2000) + "} }");

        Assert.Equal([DocumentValidator.AbortedMessage], errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_TwoThousandConflictingAliases_AbortsQuickly()
    {
        var errors = ValidateTimed("{ dog { " + Repeat("x: name x: nickname ", 1000) + "} }");

        Assert.Equal([DocumentValidator.AbortedMessage], errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_FiveHundredOverlappingFieldsWithSubselections_AbortsQuickly()
    {
        var errors = ValidateTimed("{ dog { " + Repeat("mother { name } ", 500) + "} }");

        Assert.Equal([DocumentValidator.AbortedMessage], errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_ThousandFragmentChain_AbortsQuickly()
    {
        var document = new StringBuilder("{ dog { ...F0 } }\n");
        for (var i = 0; i < 1000; i++)
        {
            document.Append($"fragment F{i} on Dog {{ name {(i < 999 ? $"...F{i + 1}" : string.Empty)} }}\n");
        }

        var errors = ValidateTimed(document.ToString());

        Assert.Equal([DocumentValidator.AbortedMessage], errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_FragmentsSpreadTwiceAtEveryLevel_IsNotExponential()
    {
        // 2^30 paths through the fragments; the pair caches keep the work linear.
        var document = new StringBuilder("{ dog { ...E0 } }\n");
        for (var i = 0; i < 30; i++)
        {
            document.Append($"fragment E{i} on Dog {{ x{i}: name mother {{ ...E{i + 1} }} ...E{i + 1} }}\n");
        }

        document.Append("fragment E30 on Dog { name }\n");

        Assert.Empty(ValidateTimed(document.ToString()));
    }

    [Fact]
    public void Validate_ThreeHundredConflictingFragments_StopsAtTheErrorCap()
    {
        var document = new StringBuilder("{ dog { ");
        for (var i = 0; i < 300; i++)
        {
            document.Append($"...W{i} ");
        }

        document.Append("} }\n");
        for (var i = 0; i < 300; i++)
        {
            document.Append($"fragment W{i} on Dog {{ x: {(i % 2 == 1 ? "name" : "nickname")} }}\n");
        }

        var errors = ValidateTimed(document.ToString());

        Assert.Equal(101, errors.Count);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[^1].Message);
    }

    private static IReadOnlyList<GraphQLError> ValidateTimed(string source)
    {
        // The bound is for complexity (an exponential or cubic algorithm takes minutes here), not speed. On Linux it
        // is this thread's CPU time, so a busy shared machine does not fail the test; elsewhere wall-clock time.
        var document = Parser.Parse(source, s_bigDocuments);
        var cpuBefore = ThreadCpuTime();
        var stopwatch = Stopwatch.StartNew();
        var errors = DocumentValidator.Validate(ValidationTestSchema.Schema, document);
        var elapsed = cpuBefore is { } before && ThreadCpuTime() is { } after ? after - before : stopwatch.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Validation took {elapsed}.");
        return errors;
    }

    /// <summary>User plus system CPU time of the calling thread, from /proc (null where there is no /proc).</summary>
    private static TimeSpan? ThreadCpuTime()
    {
        const string path = "/proc/thread-self/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (in 1/100 s ticks).
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
