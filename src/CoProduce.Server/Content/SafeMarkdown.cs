using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace CoProduce.Server.Content;

/// <summary>
/// Renders authored Markdown to HTML that is safe to put on a page: Markdig with raw HTML disabled
/// (it is escaped, never passed through), then an allow-list pass with AngleSharp that keeps only
/// plain text elements, keeps <c>href</c> only for http, https and mailto links, drops every other
/// attribute, and adds the GOV.UK Frontend classes.
/// </summary>
public sealed class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    private static readonly Dictionary<string, string?> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "govuk-body",
        ["h1"] = "govuk-heading-m",
        ["h2"] = "govuk-heading-m",
        ["h3"] = "govuk-heading-s",
        ["h4"] = "govuk-heading-s",
        ["h5"] = "govuk-heading-s",
        ["h6"] = "govuk-heading-s",
        ["ul"] = "govuk-list govuk-list--bullet",
        ["ol"] = "govuk-list govuk-list--number",
        ["li"] = null,
        ["a"] = "govuk-link",
        ["strong"] = null,
        ["em"] = null,
        ["blockquote"] = "govuk-inset-text",
        ["br"] = null,
        ["hr"] = "govuk-section-break govuk-section-break--m govuk-section-break--visible",
        ["code"] = null,
    };

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly HtmlParser _parser = new();

    public IHtmlContent Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", Pipeline);
        var document = _parser.ParseDocument("<body></body>");
        var body = document.Body!; // The document above always has a body.
        body.InnerHtml = html;
        Clean(body);
        return new HtmlString(body.InnerHtml);
    }

    /// <summary>The address when it is http, https or mailto; otherwise an inert <c>#</c>.</summary>
    public static string SafeHref(string href) => IsSafeUrl(href) ? href.Trim() : "#";

    private static bool IsSafeUrl(string href) =>
        Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    private static void Clean(IElement parent)
    {
        foreach (var element in parent.Children.ToArray())
        {
            Clean(element);
            if (!AllowedElements.TryGetValue(element.LocalName, out var cssClass))
            {
                // Keep the text, lose the element (and anything it could do).
                element.Replace([.. element.ChildNodes]);
                continue;
            }

            var href = element.LocalName == "a" ? element.GetAttribute("href") : null;
            foreach (var attribute in element.Attributes.ToArray())
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
            }

            if (href is not null && IsSafeUrl(href))
            {
                element.SetAttribute("href", href);
            }

            if (cssClass is not null)
            {
                element.ClassName = cssClass;
            }
        }
    }
}
