using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CoProduce.Core.Consultations;

namespace CoProduce.Bench.Submissions.Load;

/// <summary>How one journey ended.</summary>
/// <param name="Error">Null when acknowledged; otherwise a short, low-cardinality description.</param>
public readonly record struct JourneyOutcome(string? Error, long JourneyTicks, long SubmitTicks, int Requests, long CompletedAt)
{
    public bool Acknowledged => Error is null;
}

/// <summary>
/// One respondent with a browser without JavaScript: GET the start page, then on every page fill in
/// the page's main form (hidden fields such as the antiforgery token as given, answers from the
/// <see cref="AnswerPlan"/>, other choices left at their defaults or the first option), POST it with the
/// cookies, follow redirects, until a page shows a receipt code. Generic on purpose: it follows
/// whatever pages the journey has (consultation page, choices, sections, check your answers).
/// </summary>
public sealed partial class Journey(HttpClient http, AnswerPlan plan, string startPath)
{
    private const int MaxPages = 40;
    private const int MaxRedirects = 5;

    private readonly CookieJar _cookies = new();
    private int _requests;

    public async Task<JourneyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        _cookies.Clear();
        _requests = 0;
        var started = Stopwatch.GetTimestamp();
        var lastPostStarted = started;
        var lastPostedPath = "";
        try
        {
            var page = await SendAsync(HttpMethod.Get, startPath, null, cancellationToken);
            for (var step = 0; step < MaxPages; step++)
            {
                if (page.Status != HttpStatusCode.OK)
                {
                    return Fail($"{page.Method} {Shape(page.RequestPath)}: HTTP {(int)page.Status}", started);
                }

                if (step > 0 && ReceiptPattern().IsMatch(page.Html))
                {
                    var now = Stopwatch.GetTimestamp();
                    return new JourneyOutcome(null, now - started, now - lastPostStarted, _requests, now);
                }

                if (page.Path == lastPostedPath && page.Html.Contains("govuk-error-summary", StringComparison.Ordinal))
                {
                    return Fail($"validation error on {Shape(page.Path)}: {ErrorSummary(page.Html)}", started);
                }

                if (MainForm(page.Html) is { } form)
                {
                    var (action, fields) = Fill(form);
                    lastPostedPath = page.Path;
                    lastPostStarted = Stopwatch.GetTimestamp();
                    page = await SendAsync(HttpMethod.Post, Resolve(page.Path, action), fields, cancellationToken);
                }
                else if (HtmlForms.ButtonLinks(page.Html).FirstOrDefault(IsForward) is { } link)
                {
                    page = await SendAsync(HttpMethod.Get, Resolve(page.Path, link.Href), null, cancellationToken);
                }
                else
                {
                    return Fail($"dead end on {Shape(page.Path)}", started);
                }
            }

            return Fail($"more than {MaxPages} pages", started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail("request timed out", started);
        }
        catch (HttpRequestException exception)
        {
            return Fail($"connection error: {exception.HttpRequestError}", started);
        }
        catch (OffLoopbackException exception)
        {
            return Fail(exception.Message, started);
        }
    }

    private JourneyOutcome Fail(string error, long started)
    {
        var now = Stopwatch.GetTimestamp();
        return new JourneyOutcome(error, now - started, 0, _requests, now);
    }

    /// <summary>The form a respondent moves on with: a POST form that is not the exit or language form.</summary>
    private static HtmlForm? MainForm(string html) =>
        HtmlForms.Forms(html).FirstOrDefault(f =>
            f.Method == "post"
            && !f.Action.Contains("exit", StringComparison.OrdinalIgnoreCase)
            && !f.Action.Contains("language", StringComparison.OrdinalIgnoreCase)
            && f.Buttons.Count > 0);

    private static bool IsForward(HtmlLink link) =>
        !link.Classes.Contains("warning", StringComparison.Ordinal)
        && !link.Classes.Contains("exit", StringComparison.Ordinal)
        && !link.Classes.Contains("secondary", StringComparison.Ordinal)
        && !link.Href.Contains("exit", StringComparison.OrdinalIgnoreCase)
        && !link.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    private (string Action, List<KeyValuePair<string, string>> Fields) Fill(HtmlForm form)
    {
        var fields = new List<KeyValuePair<string, string>>(form.Fields.Count + 1);
        var radioGroupsDone = new HashSet<string>(StringComparer.Ordinal);
        var rankingPositions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var question = field.Kind == FieldKind.Hidden ? null : plan.QuestionFor(field.Name);
            if (question is null)
            {
                FillDefault(form, field, fields, radioGroupsDone);
                continue;
            }

            var values = plan.ValuesFor(question);
            switch (field.Kind)
            {
                case FieldKind.Radio:
                    if (values.Contains(field.Value) && radioGroupsDone.Add(field.Name))
                    {
                        fields.Add(new(field.Name, field.Value));
                    }

                    break;
                case FieldKind.Checkbox:
                    if (values.Contains(field.Value))
                    {
                        fields.Add(new(field.Name, field.Value));
                    }

                    break;
                case FieldKind.Select or FieldKind.Number or FieldKind.Text when question.Type == QuestionType.Ranking:
                    fields.Add(new(field.Name, RankingValue(field, values, rankingPositions)));
                    break;
                case FieldKind.Select:
                    fields.Add(new(field.Name, values.FirstOrDefault(field.Options.Contains) ?? field.Value));
                    break;
                default:
                    fields.Add(new(field.Name, values.Count > 0 ? values[0] : ""));
                    break;
            }
        }

        var button = form.Buttons.FirstOrDefault(b => !b.Classes.Contains("secondary", StringComparison.Ordinal) && !b.Classes.Contains("warning", StringComparison.Ordinal))
            ?? form.Buttons[0];
        if (!string.IsNullOrEmpty(button.Name))
        {
            fields.Add(new(button.Name, button.Value ?? ""));
        }

        return (button.FormAction ?? form.Action, fields);
    }

    /// <summary>
    /// A ranking is one field per option, in the authored order: a field named after its option holding
    /// the rank, or a select whose non-empty options are "this option at rank 1, 2, …" (pick the rank
    /// equal to its position), or a select of options per position. All give the plan's (authored) order.
    /// </summary>
    private static string RankingValue(FormField field, IReadOnlyList<string> order, Dictionary<string, int> positions)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (field.Name.EndsWith("-" + order[i], StringComparison.Ordinal) || field.Name.EndsWith("[" + order[i] + "]", StringComparison.Ordinal))
            {
                return (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        positions.TryGetValue(field.Name, out var position);
        positions[field.Name] = position + 1;
        if (field.Kind == FieldKind.Select)
        {
            if (position < order.Count && field.Options.Contains(order[position]))
            {
                return order[position];
            }

            var choices = field.Options.Where(o => o.Length > 0).ToList();
            return choices.Count == 0 ? field.Value : choices[Math.Min(position, choices.Count - 1)];
        }

        return position < order.Count ? order[position] : field.Value;
    }

    /// <summary>Everything that is not an answer: as the page set it, or the first option of a group.</summary>
    private static void FillDefault(HtmlForm form, FormField field, List<KeyValuePair<string, string>> fields, HashSet<string> radioGroupsDone)
    {
        switch (field.Kind)
        {
            case FieldKind.Radio:
                if (radioGroupsDone.Contains(field.Name))
                {
                    break;
                }

                var chosen = form.Fields.FirstOrDefault(f => f.Kind == FieldKind.Radio && f.Name == field.Name && f.Checked) ?? field;
                radioGroupsDone.Add(field.Name);
                fields.Add(new(field.Name, chosen.Value));
                break;
            case FieldKind.Checkbox:
                if (field.Checked)
                {
                    fields.Add(new(field.Name, field.Value));
                }

                break;
            default:
                fields.Add(new(field.Name, field.Value));
                break;
        }
    }

    private async Task<Page> SendAsync(HttpMethod method, string path, List<KeyValuePair<string, string>>? form, CancellationToken cancellationToken)
    {
        var requestPath = path;
        for (var redirect = 0; ; redirect++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            _cookies.Apply(request);
            _requests++;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            _cookies.Store(response);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location && redirect < MaxRedirects)
            {
                path = LoopbackPath(path, location);
                method = HttpMethod.Get;
                form = null;
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Page(method.Method, requestPath, StripQuery(path), response.StatusCode, html);
        }
    }

    private string LoopbackPath(string current, Uri location)
    {
        if (!location.IsAbsoluteUri)
        {
            return Resolve(current, location.OriginalString);
        }

        // Only ever the server under test: never follow a redirect elsewhere (e.g. the exit page's).
        // The client's BaseAddress is always set (Program checks it is a loopback address).
        var baseAddress = http.BaseAddress!;
        if (location.Host != baseAddress.Host || location.Port != baseAddress.Port)
        {
            throw new OffLoopbackException($"redirect away from the server under test ({location.Host})");
        }

        return location.PathAndQuery;
    }

    private static string Resolve(string currentPath, string target)
    {
        if (target.Length == 0)
        {
            return currentPath;
        }

        if (target.StartsWith('/'))
        {
            return target;
        }

        var bare = StripQuery(currentPath);
        return bare[..(bare.LastIndexOf('/') + 1)] + target;
    }

    private static string StripQuery(string path)
    {
        var q = path.IndexOfAny(['?', '#']);
        return q < 0 ? path : path[..q];
    }

    /// <summary>Path with ids and codes folded, so errors group by page kind.</summary>
    private static string Shape(string path) => GuidPattern().Replace(StripQuery(path), "{id}");

    private static string ErrorSummary(string html)
    {
        var match = ErrorItemPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(TagStripPattern().Replace(match.Groups[1].Value, "")).Trim() : "(no summary)";
    }

    /// <summary>A receipt code as the server shows it: five groups of four Crockford base32 symbols.</summary>
    [GeneratedRegex(@"\b[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"govuk-error-summary__list[^>]*>\s*<li[^>]*>(.*?)</li>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorItemPattern();

    [GeneratedRegex(@"<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex TagStripPattern();

    private sealed record Page(string Method, string RequestPath, string Path, HttpStatusCode Status, string Html);

    private sealed class OffLoopbackException(string message) : Exception(message);
}
