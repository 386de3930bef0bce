using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Server.Pages;

/// <summary>
/// How a page tells the layout what it is. In a view: <c>@{ ViewData.SetTitle(T["Key"]); ViewData.MarkRespondentPage(); }</c>.
/// </summary>
public static class PageChrome
{
    private const string TitleKey = "CoProduce.Title";
    private const string NeutralTitleKey = "CoProduce.NeutralTitle";
    private const string RespondentKey = "CoProduce.Respondent";

    /// <summary>The page's own title, shown before the service name in <c>&lt;title&gt;</c>.</summary>
    public static void SetTitle(this ViewDataDictionary viewData, string title) => viewData[TitleKey] = title;

    /// <summary>
    /// Replace the title in the browser tab and history with a neutral one that says nothing about the
    /// subject (a consultation can ask for this), whatever <see cref="SetTitle"/> was given.
    /// </summary>
    public static void UseNeutralTitle(this ViewDataDictionary viewData) => viewData[NeutralTitleKey] = true;

    /// <summary>A page a respondent or participant sees: the layout shows "Exit this page".</summary>
    public static void MarkRespondentPage(this ViewDataDictionary viewData) => viewData[RespondentKey] = true;

    public static string? Title(this ViewDataDictionary viewData) => viewData[TitleKey] as string;

    public static bool HasNeutralTitle(this ViewDataDictionary viewData) => viewData[NeutralTitleKey] is true;

    public static bool IsRespondentPage(this ViewDataDictionary viewData) => viewData[RespondentKey] is true;
}
