using System.Net;
using System.Text.RegularExpressions;

namespace CoProduce.Server.Tests.Journey;

/// <summary>
/// A respondent's browser without JavaScript: keeps cookies, follows redirects, and posts forms with
/// the antiforgery token of the last page it saw.
/// </summary>
public sealed partial class JourneyClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public string Html { get; private set; } = "";

    public HttpStatusCode Status { get; private set; }

    /// <summary>The address of the last page, after redirects.</summary>
    public string Path { get; private set; } = "";

    public async Task<string> GetAsync(string url)
    {
        await ReadAsync(await Http.GetAsync(url));
        return Html;
    }

    /// <summary>Posts fields (a name may repeat) to <paramref name="url"/> with the last page's antiforgery token.</summary>
    public async Task<string> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken(Html) ?? throw new InvalidOperationException("The last page had no form token: " + Path);
        return await PostWithoutTokenAsync(url, [.. fields, ("__RequestVerificationToken", token)]);
    }

    public async Task<string> PostWithoutTokenAsync(string url, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        await ReadAsync(await Http.PostAsync(url, content));
        return Html;
    }

    /// <summary>The code shown in the element with this id (resume or receipt code).</summary>
    public string? CodeShown(string id)
    {
        var match = Regex.Match(Html, $"id=\"{id}\">([^<]+)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    /// <summary>The messages of the GOV.UK error summary.</summary>
    public IReadOnlyList<string> ErrorSummary()
    {
        var summary = ErrorSummaryPattern().Match(Html);
        if (!summary.Success)
        {
            return [];
        }

        return ListItemPattern().Matches(summary.Groups[1].Value)
            .Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, "").Trim()))
            .ToArray();
    }

    public static string? AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        Path = response.RequestMessage?.RequestUri?.PathAndQuery ?? "";
        Html = await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItemPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
