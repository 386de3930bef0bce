using System.Text.RegularExpressions;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Authoring;

/// <summary>A readiness problem for people: what is wrong, where, and the page (and field) to fix it on.</summary>
public sealed record ReadinessItem(string Message, string Where, string Page, string? Section, string? Question, string? Fragment);

/// <summary>
/// Turns the JSON paths of readiness problems (<c>$.questionnaire.sections[1].questions[0].text.cy</c>)
/// into localised places ("Section 2: Your experience › Question 1: Tell us › Question (Welsh)") and
/// links to the page and field where each is fixed.
/// </summary>
public static partial class ReadinessDescriber
{
    public static ReadinessItem Describe(Error error, Consultation consultation, Text text)
    {
        var message = Journey.FieldError.From(error, text).Message;
        var path = error.Path ?? "$";
        var parts = new List<string>();
        Section? section = null;
        Question? question = null;
        foreach (Match m in Segment().Matches(path))
        {
            var name = m.Groups["name"].Value;
            var index = m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            switch (name)
            {
                case "questionnaire":
                    parts.Add(text["Authoring.Questionnaire.Title"]);
                    break;
                case "sections" when index is { } s && s < consultation.Questionnaire.Sections.Count:
                    section = consultation.Questionnaire.Sections[s];
                    parts.Add(text.Format("Authoring.Where.section", s + 1, section.Title.Current));
                    break;
                case "questions" when index is { } q && section is not null && q < section.Questions.Count:
                    question = section.Questions[q];
                    parts.Add(text.Format("Authoring.Where.question", q + 1, question.Text.Current));
                    break;
                case "options" when index is { } o:
                    parts.Add(text.Format("Authoring.Where.option", o + 1));
                    break;
                case "documents" when index is { } d:
                    parts.Add(text.Format("Authoring.Where.document", d + 1));
                    break;
                case "en":
                    parts.Add(text["Authoring.English"]);
                    break;
                case "cy":
                    parts.Add(text["Authoring.Welsh"]);
                    break;
                default:
                    parts.Add(Label(text, name) + (index is { } i ? $" {i + 1}" : ""));
                    break;
            }
        }

        var where = string.Join(" › ", parts);
        if (question is not null && section is not null)
        {
            return new ReadinessItem(message, where, AuthoringPages.Question, null, question.Id.Value, null);
        }

        if (section is not null)
        {
            return new ReadinessItem(message, where, AuthoringPages.Section, section.Id.Value, null, null);
        }

        if (path.StartsWith("$.questionnaire", StringComparison.Ordinal))
        {
            return new ReadinessItem(message, where, AuthoringPages.Questionnaire, null, null, null);
        }

        if (path is "$.reference" or "$.opensAt" or "$.closesAt" or "$.issuedOn")
        {
            return new ReadinessItem(message, where, AuthoringPages.Settings, null, null, null);
        }

        return new ReadinessItem(message, where, AuthoringPages.Details, null, null, ContentFieldId(path));
    }

    /// <summary>The id of the content page's input for a details path (see <see cref="ContentForm"/>).</summary>
    public static string? ContentFieldId(string path)
    {
        var m = Regex.Match(path, @"^\$\.(?<field>[a-zA-Z.]+?)(\[(?<index>\d+)\]\.(?<sub>[a-zA-Z]+))?(\.(?<lang>en|cy))?$");
        if (!m.Success)
        {
            return null;
        }

        var lang = m.Groups["lang"].Success ? (m.Groups["lang"].Value == "en" ? "-En" : "-Cy") : "";
        if (m.Groups["index"].Success && m.Groups["field"].Value == "documents")
        {
            return $"Form-Documents-{m.Groups["index"].Value}-{Pascal(m.Groups["sub"].Value)}{lang}";
        }

        var name = m.Groups["field"].Value switch
        {
            "howToRespond.postalAddress" => "RespondPostalAddress",
            "howToRespond.notes" => "RespondNotes",
            "howToRespond.email" => "RespondEmail",
            "contact.name" => "ContactName",
            "contact.email" => "ContactEmail",
            "contact.telephone" => "ContactTelephone",
            "contact.postalAddress" => "ContactPostalAddress",
            "contact.notes" => "ContactNotes",
            "dataProtection.regulator.name" => "RegulatorName",
            "dataProtection.regulator.postalAddress" => "RegulatorPostalAddress",
            "dataProtection.regulator.website" => "RegulatorWebsite",
            var other when other.StartsWith("dataProtection.", StringComparison.Ordinal) => Pascal(other["dataProtection.".Length..]),
            var other when !other.Contains('.', StringComparison.Ordinal) => Pascal(other),
            _ => null,
        };
        return name is null ? null : $"Form-{name}{lang}";
    }

    private static string Label(Text text, string name)
    {
        var key = "Authoring.Field." + name;
        var label = text[key];
        return label == key ? name : label;
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\.(?<name>[A-Za-z$]+)(\[(?<index>\d+)\])?")]
    private static partial Regex Segment();
}
