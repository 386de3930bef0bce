using System.Text.RegularExpressions;

namespace CoProduce.Server.Tests.Infrastructure;

/// <summary>Small, forgiving look-ups in rendered HTML.</summary>
public static partial class Html
{
    public static string? Attribute(string html, string element, string attribute)
    {
        var match = Regex.Match(html, $"<{element}\\b[^>]*\\b{attribute}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string? H1(string html)
    {
        var match = H1Pattern().Match(html);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1Pattern();
}
