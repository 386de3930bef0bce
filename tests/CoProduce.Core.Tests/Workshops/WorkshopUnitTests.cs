using CoProduce.Core.Workshops;

namespace CoProduce.Core.Tests.Workshops;

public sealed class JoinCodeTests
{
    [Fact]
    public void Generate_ManyCodes_UseOnlyUnambiguousSymbols()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCode.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-TV-Z]{8}$", c.Canonical));
        Assert.DoesNotContain(codes.SelectMany(c => c.Canonical), c => "01OILU".Contains(c));
        Assert.True(codes.Select(c => c.Canonical).Distinct().Count() > 1990);
        Assert.Matches("^.{4}-.{4}$", codes[0].Display);
    }

    [Theory]
    [InlineData("kx7m-q3wd", "KX7MQ3WD")]
    [InlineData(" KX7M Q3WD ", "KX7MQ3WD")]
    [InlineData("KX7M\u2011Q3WD", "KX7MQ3WD")]
    public void Parse_TypedVariants_ReadTheSameCode(string typed, string canonical)
    {
        Assert.Equal(canonical, JoinCode.Parse(typed)?.Canonical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("KX7M-Q3W")]
    [InlineData("KX7M-Q3WDX")]
    [InlineData("KX7M-Q3W0")]
    [InlineData("KX7M-Q3WI")]
    [InlineData("KX7M-Q3W<")]
    public void Parse_NotACode_ReturnsNull(string? typed)
    {
        Assert.Null(JoinCode.Parse(typed));
    }
}

public sealed class ShortTextTests
{
    [Theory]
    [InlineData("  a\t\tb \n c ", "a b c")]
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("Cymraeg: ŵ ŷ â", "Cymraeg: ŵ ŷ â")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Clean_Input_RemovesInvisibleAndCollapsesSpace(string input, string expected)
    {
        // Markup is kept as text: it is encoded wherever it is shown, never interpreted.
        Assert.Equal(expected, ShortText.Clean(input));
    }

    [Fact]
    public void Clean_Decomposed_IsNormalisedToComposed()
    {
        Assert.Equal("\u0175", ShortText.Clean("w\u0302"));
    }
}

public sealed class TalliesTests
{
    [Fact]
    public void Apply_ReplacingABallot_EqualsComputingAfresh()
    {
        var tally = Tallies.Compute(ActivityKind.Ranking, [["a", "b", "c"], ["b", "a", "c"]]);

        Tallies.Apply(tally, ActivityKind.Ranking, ["b", "a", "c"], -1);
        Tallies.Apply(tally, ActivityKind.Ranking, ["c", "b", "a"], +1);

        Assert.Equal(Tallies.Compute(ActivityKind.Ranking, [["a", "b", "c"], ["c", "b", "a"]]), tally);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 4, ["b"] = 4, ["c"] = 4 }, tally);
    }

    [Fact]
    public void Table_OneSmallCount_AlsoSuppressesNextSmallest()
    {
        var tally = new Dictionary<string, int> { ["a"] = 3, ["b"] = 12, ["c"] = 25 };

        var shown = new SuppressionRule(10).Table(tally, ["a", "b", "c", "d"], voters: 40);

        Assert.Equal(new Dictionary<string, int?> { ["a"] = null, ["b"] = 12, ["c"] = 25, ["d"] = null }, shown.ToDictionary(kv => kv.Key, kv => kv.Value.Value));
    }

    [Fact]
    public void Table_TwoSmallCounts_ShowsTheRest()
    {
        var tally = new Dictionary<string, int> { ["a"] = 3, ["b"] = 4, ["c"] = 25 };

        var shown = new SuppressionRule(10).Table(tally, ["a", "b", "c"], voters: 32);

        Assert.Equal(new Dictionary<string, int?> { ["a"] = null, ["b"] = null, ["c"] = 25 }, shown.ToDictionary(kv => kv.Key, kv => kv.Value.Value));
    }

    [Fact]
    public void Table_FewerVotersThanThreshold_SuppressesEveryCount()
    {
        var tally = new Dictionary<string, int> { ["a"] = 12, ["b"] = 0 };

        var shown = new SuppressionRule(10).Table(tally, ["a", "b"], voters: 9);

        Assert.All(shown.Values, c => Assert.True(c.Suppressed));
        Assert.True(new SuppressionRule(10).Count(9).Suppressed);
        Assert.Equal(10, new SuppressionRule(10).Count(10).Value);
    }
}
