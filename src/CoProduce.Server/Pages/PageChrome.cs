using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Server.Pages;

/// <summary>
/// How a page tells the layout what it is. In a view:
/// <c>@{ ViewData.SetTitle(T["Key"]); }</c>, and when the consultation asks for it, <c>ViewData.UseNeutralTitle();</c>.
/// "Exit this page" shows on every page unless the page says it is for staff only.
/// </summary>
public static class PageChrome
{
    private const string TitleKey = "CoProduce.Title";
    private const string NeutralTitleKey = "CoProduce.NeutralTitle";
    private const string StaffKey = "CoProduce.Staff";

    /// <summary>The page's own title, shown before the service name in <c>&lt;title&gt;</c>.</summary>
    public static void SetTitle(this ViewDataDictionary viewData, string title) => viewData[TitleKey] = title;

    /// <summary>
    /// Replace the title in the browser tab and history with a neutral one that says nothing about the
    /// subject (a consultation can ask for this), whatever <see cref="SetTitle"/> was given.
    /// </summary>
    public static void UseNeutralTitle(this ViewDataDictionary viewData) => viewData[NeutralTitleKey] = true;

    /// <summary>
    /// A page a respondent or participant sees: shows "Exit this page". This is the default; calling it
    /// documents the intent and undoes <see cref="MarkStaffPage"/>.
    /// </summary>
    public static void MarkRespondentPage(this ViewDataDictionary viewData) => viewData[StaffKey] = false;

    /// <summary>A page only signed-in staff see (later issues): no "Exit this page".</summary>
    public static void MarkStaffPage(this ViewDataDictionary viewData) => viewData[StaffKey] = true;

    public static string? Title(this ViewDataDictionary viewData) => viewData[TitleKey] as string;

    public static bool HasNeutralTitle(this ViewDataDictionary viewData) => viewData[NeutralTitleKey] is true;

    /// <summary>True unless the page called <see cref="MarkStaffPage"/>: safety first when a page forgets.</summary>
    public static bool IsRespondentPage(this ViewDataDictionary viewData) => viewData[StaffKey] is not true;

    /// <summary>The whole <c>&lt;title&gt;</c>: "Page – CoProduce", the neutral title when asked for, or the service name.</summary>
    public static string DocumentTitle(this ViewDataDictionary viewData, Text text)
    {
        var pageTitle = viewData.HasNeutralTitle() ? text["Layout.NeutralTitle"] : viewData.Title();
        return string.IsNullOrEmpty(pageTitle)
            ? text["ServiceName"]
            : text.Format("Layout.TitleFormat", pageTitle, text["ServiceName"]);
    }
}
