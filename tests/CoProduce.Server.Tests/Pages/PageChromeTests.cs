using System.Globalization;
using CoProduce.Server.Localisation;
using CoProduce.Server.Pages;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Server.Tests.Pages;

public sealed class PageChromeTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;
    private readonly ViewDataDictionary _viewData = new(new EmptyModelMetadataProvider(), new ModelStateDictionary());
    private readonly Text _text = new(new ResxStringLocalizer());

    public PageChromeTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;

    [Fact]
    public void DocumentTitle_WithTitle_NamesThePageThenTheService()
    {
        _viewData.SetTitle("Your answers");

        Assert.Equal("Your answers – CoProduce", _viewData.DocumentTitle(_text));
    }

    [Fact]
    public void DocumentTitle_WithNeutralTitle_HidesThePageTitle()
    {
        _viewData.SetTitle("Sexual violence support services consultation");
        _viewData.UseNeutralTitle();

        Assert.Equal("Online form – CoProduce", _viewData.DocumentTitle(_text));
    }

    [Fact]
    public void DocumentTitle_NeutralInWelsh_IsWelsh()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("cy-GB");
        _viewData.UseNeutralTitle();

        Assert.Equal("Ffurflen ar-lein – CoProduce", _viewData.DocumentTitle(_text));
    }

    [Fact]
    public void IsRespondentPage_ByDefault_IsTrue() => Assert.True(_viewData.IsRespondentPage());

    [Fact]
    public void IsRespondentPage_ForAStaffPage_IsFalse()
    {
        _viewData.MarkStaffPage();

        Assert.False(_viewData.IsRespondentPage());
    }
}
