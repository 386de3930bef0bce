using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (npm, <c>tests/CoProduce.Browser.Tests/package.json</c>) checks a page against WCAG 2.2 AA.
/// The script is served to the page under our own origin by Playwright's routing, so the site's
/// Content-Security-Policy stays fully in force while it runs.
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private const string ScriptPath = "__test/axe.min.js";

    private static readonly Lazy<string> Source = new(Load);

    /// <summary>Answers <c>/__test/axe.min.js</c> inside the browser; the server never sees the request.</summary>
    public static Task ServeAsync(IPage page, Uri baseAddress) =>
        page.RouteAsync(new Uri(baseAddress, ScriptPath).ToString(), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = Source.Value }));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/" + ScriptPath });
        }
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              // GOV.UK Frontend's conditional reveal puts aria-expanded on radios on purpose (screen
              // readers announce it; alphagov/govuk-frontend#979 documents axe's objection as a known
              // issue). Only exactly that finding is set aside; anything else on the node still fails.
              const knownRadioReveal = (v, n) => v.id === 'aria-allowed-attr'
                && /^<input[^>]*type="radio"[^>]*aria-controls=/.test(n.html)
                && (n.failureSummary || '').split('\n').slice(1).map(l => l.trim()).filter(l => l)
                     .every(l => /^ARIA attribute is not allowed: aria-expanded="(true|false)"$/.test(l));
              return result.violations
                .map(v => ({ ...v, nodes: v.nodes.filter(n => !knownRadioReveal(v, n)) }))
                .filter(v => v.nodes.length > 0)
                .map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
            }
            """,
            Tags);

        if (violations.GetArrayLength() == 0)
        {
            return;
        }
        var report = new StringBuilder($"axe-core found {violations.GetArrayLength()} violation(s) on {page.Url}:\n");
        foreach (var violation in violations.EnumerateArray())
        {
            report.Append("- ").Append(violation.GetProperty("id").GetString())
                .Append(" (").Append(violation.GetProperty("impact").ToString()).Append("): ")
                .AppendLine(violation.GetProperty("help").GetString());
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.Append("    ").AppendLine(node.GetString());
            }
        }
        Assert.Fail(report.ToString());
    }

    private static string Load()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "tests", "CoProduce.Browser.Tests", "node_modules", "axe-core", "axe.min.js"));
        }
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "axe-core is missing: run `npm ci` in tests/CoProduce.Browser.Tests (test.sh does it).");
        return File.ReadAllText(found);
    }
}
