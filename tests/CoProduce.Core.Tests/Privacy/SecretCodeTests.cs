using CoProduce.Core.Privacy;

namespace CoProduce.Core.Tests.Privacy;

public sealed class SecretCodeTests
{
    [Fact]
    public void Generate_Always_Has20UnambiguousSymbolsIn5Groups()
    {
        var code = SecretCode.Generate();

        Assert.Equal(SecretCode.Length, code.Canonical.Length);
        Assert.All(code.Canonical, c => Assert.Contains(c, SecretCode.Alphabet));
        Assert.DoesNotContain(code.Canonical, c => c is 'I' or 'L' or 'O' or 'U');
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", code.Display);
    }

    [Fact]
    public void Generate_Entropy_IsAtLeast80Bits()
    {
        Assert.True(SecretCode.Length * Math.Log2(SecretCode.Alphabet.Length) >= 80);
    }

    [Fact]
    public void Generate_ManyCodes_AreDistinctAndUseWholeAlphabet()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => SecretCode.Generate().Canonical).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal(SecretCode.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Theory]
    [InlineData("k7qm-3wxd-9prt-hf2c-6nvb")]
    [InlineData("K7QM 3WXD 9PRT HF2C 6NVB")]
    [InlineData("  K7QM3WXD9PRTHF2C6NVB ")]
    [InlineData("K7QM\u20133WXD\u20139PRT\u2013HF2C\u20136NVB")]
    public void Parse_CaseSpacesAndHyphens_AreIgnored(string input)
    {
        Assert.Equal("K7QM3WXD9PRTHF2C6NVB", SecretCode.Parse(input)?.Canonical);
    }

    [Fact]
    public void Parse_LookAlikeLetters_AreReadAsDigits()
    {
        Assert.Equal("0111K7QM3WXD9PRTHF2C", SecretCode.Parse("oIlLK7QM3WXD9PRTHF2C")?.Canonical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QM-3WXD")]
    [InlineData("K7QM-3WXD-9PRT-HF2C-6NVBX")]
    [InlineData("K7QM-3WXD-9PRT-HF2C-6NV!")]
    [InlineData("UUUU-UUUU-UUUU-UUUU-UUUU")]
    public void Parse_NotACode_ReturnsNull(string? input)
    {
        Assert.Null(SecretCode.Parse(input));
    }

    [Fact]
    public void Parse_Display_RoundTrips()
    {
        var code = SecretCode.Generate();

        Assert.Equal(code, SecretCode.Parse(code.Display));
    }

    [Fact]
    public void SessionToken_ToString_DoesNotRevealValue()
    {
        var token = SessionToken.Generate();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.True(token.Value.Length >= 43);
    }
}
