using System.Net;
using System.Text.RegularExpressions;

namespace CoProduce.Bench.Submissions.Load;

public enum FieldKind
{
    Hidden,
    Text,
    TextArea,
    Number,
    Radio,
    Checkbox,
    Select,
    Other,
}

public sealed record FormField(FieldKind Kind, string Name, string Value, bool Checked, IReadOnlyList<string> Options);

public sealed record SubmitButton(string? Name, string? Value, string Classes, string? FormAction);

public sealed record HtmlForm(string Action, string Method, IReadOnlyList<FormField> Fields, IReadOnlyList<SubmitButton> Buttons);

public sealed record HtmlLink(string Href, string Classes);

/// <summary>
/// Reads the forms and button-styled links of our own server-rendered pages. A small tag scanner rather
/// than a DOM parser: it shares the two cores with the server under test, so it must stay cheap
/// (a full parser cost more CPU per page than the server spends rendering it).
/// </summary>
public static partial class HtmlForms
{
    public static IReadOnlyList<HtmlForm> Forms(string html)
    {
        var forms = new List<HtmlForm>();
        FormBuilder? current = null;
        SelectBuilder? select = null;
        foreach (Match tag in TagPattern().Matches(html))
        {
            var closing = tag.Groups[1].Length > 0;
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (closing)
            {
                if (name == "form" && current is not null)
                {
                    forms.Add(current.Build());
                    current = null;
                }
                else if (name == "select" && select is not null && current is not null)
                {
                    current.Fields.Add(select.Build());
                    select = null;
                }

                continue;
            }

            var attributes = Attributes(tag.Groups[3].Value);
            switch (name)
            {
                case "form":
                    current = new FormBuilder(Get(attributes, "action") ?? "", (Get(attributes, "method") ?? "get").ToLowerInvariant());
                    break;
                case "input" when current is not null && Get(attributes, "name") is { } inputName && !attributes.ContainsKey("disabled"):
                    var type = (Get(attributes, "type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "image")
                    {
                        current.Buttons.Add(new SubmitButton(inputName, Get(attributes, "value") ?? "", Get(attributes, "class") ?? "", Get(attributes, "formaction")));
                        break;
                    }

                    var kind = type switch
                    {
                        "hidden" => FieldKind.Hidden,
                        "radio" => FieldKind.Radio,
                        "checkbox" => FieldKind.Checkbox,
                        "number" => FieldKind.Number,
                        "text" or "search" or "email" or "tel" or "url" => FieldKind.Text,
                        _ => FieldKind.Other,
                    };
                    var defaultValue = kind is FieldKind.Radio or FieldKind.Checkbox ? "on" : "";
                    current.Fields.Add(new FormField(kind, inputName, Get(attributes, "value") ?? defaultValue, attributes.ContainsKey("checked"), []));
                    break;
                case "textarea" when current is not null && Get(attributes, "name") is { } areaName:
                    var end = html.IndexOf("</textarea>", tag.Index + tag.Length, StringComparison.OrdinalIgnoreCase);
                    var text = end < 0 ? "" : WebUtility.HtmlDecode(html[(tag.Index + tag.Length)..end]);
                    current.Fields.Add(new FormField(FieldKind.TextArea, areaName, text.StartsWith('\n') ? text[1..] : text, false, []));
                    break;
                case "select" when current is not null && Get(attributes, "name") is { } selectName:
                    select = new SelectBuilder(selectName);
                    break;
                case "option" when select is not null:
                    var optionValue = Get(attributes, "value") ?? "";
                    select.Options.Add(optionValue);
                    if (attributes.ContainsKey("selected"))
                    {
                        select.Selected = optionValue;
                    }

                    break;
                case "button" when current is not null:
                    var buttonType = (Get(attributes, "type") ?? "submit").ToLowerInvariant();
                    if (buttonType == "submit")
                    {
                        current.Buttons.Add(new SubmitButton(Get(attributes, "name"), Get(attributes, "value"), Get(attributes, "class") ?? "", Get(attributes, "formaction")));
                    }

                    break;
                default:
                    break;
            }
        }

        return forms;
    }

    /// <summary>Links styled as buttons (<c>govuk-button</c>), e.g. a "Start now" link.</summary>
    public static IReadOnlyList<HtmlLink> ButtonLinks(string html)
    {
        var links = new List<HtmlLink>();
        foreach (Match match in LinkPattern().Matches(html))
        {
            var attributes = Attributes(match.Groups[1].Value);
            var classes = Get(attributes, "class") ?? "";
            if (Get(attributes, "href") is { } href && classes.Contains("govuk-button", StringComparison.Ordinal))
            {
                links.Add(new HtmlLink(href, classes));
            }
        }

        return links;
    }

    private static string? Get(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? value : null;

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in AttributePattern().Matches(text))
        {
            var value = match.Groups[2].Success ? match.Groups[2].Value
                : match.Groups[3].Success ? match.Groups[3].Value
                : match.Groups[4].Success ? match.Groups[4].Value
                : "";
            attributes.TryAdd(match.Groups[1].Value, value.Contains('&') ? WebUtility.HtmlDecode(value) : value);
        }

        return attributes;
    }

    [GeneratedRegex(@"<(/?)(form|input|textarea|select|option|button)\b([^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<a\b([^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"([^\s=/""'>]+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s""'>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    private sealed class FormBuilder(string action, string method)
    {
        public List<FormField> Fields { get; } = [];

        public List<SubmitButton> Buttons { get; } = [];

        public HtmlForm Build() => new(action, method, Fields, Buttons);
    }

    private sealed class SelectBuilder(string name)
    {
        public List<string> Options { get; } = [];

        public string? Selected { get; set; }

        public FormField Build() => new(FieldKind.Select, name, Selected ?? Options.FirstOrDefault() ?? "", Selected is not null, Options);
    }
}
