using System.Xml.Linq;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Journey;

/// <summary>The strings of <c>locales/</c>, so tests assert the message a person sees without copying it.</summary>
public static class Strings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => Load("Strings.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Welsh = new(() => Load("Strings.cy.resx"));

    public static string En(string key) => English.Value[key];

    public static string Cy(string key) => Welsh.Value[key];

    /// <summary>The part of a message before its first placeholder, HTML-encoded as Razor writes it.</summary>
    public static string Lead(string message) =>
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(message.Split('{')[0].TrimEnd());

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Repository.PathOf("locales", file)).Root!.Elements("data") // A resx file always has a root.
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? ""); // Every data element has a name.
}
