using System.Globalization;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Tests.Localisation;

public sealed class PluralRulesTests
{
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Other)]
    [InlineData(5, PluralCategory.Other)]
    [InlineData(6, PluralCategory.Many)]
    [InlineData(7, PluralCategory.Other)]
    [InlineData(10, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    [InlineData(13, PluralCategory.Other)]
    [InlineData(16, PluralCategory.Other)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(1000000, PluralCategory.Other)]
    public void Select_Welsh_FollowsCldr(long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Select(Welsh, count));

    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(3, PluralCategory.Other)]
    [InlineData(6, PluralCategory.Other)]
    [InlineData(21, PluralCategory.Other)]
    public void Select_English_FollowsCldr(long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Select(English, count));

    [Fact]
    public void Select_WelshWithoutRegion_UsesWelshRules() =>
        Assert.Equal(PluralCategory.Few, PluralRules.Select(CultureInfo.GetCultureInfo("cy"), 3));

    [Fact]
    public void CategoriesFor_EachLanguage_ListsWhatItsRulesCanReturn()
    {
        foreach (var culture in new[] { English, Welsh })
        {
            var produced = Enumerable.Range(0, 200).Select(n => PluralRules.Select(culture, n)).Distinct().Order();
            Assert.Equal(PluralRules.CategoriesFor(culture).Order(), produced);
        }
    }

    [Fact]
    public void Suffix_RoundTripsThroughTryParseSuffix()
    {
        foreach (var category in Enum.GetValues<PluralCategory>())
        {
            Assert.True(PluralRules.TryParseSuffix(PluralRules.Suffix(category), out var parsed));
            Assert.Equal(category, parsed);
        }
        Assert.False(PluralRules.TryParseSuffix("Title", out _));
    }
}
