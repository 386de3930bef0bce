using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Infrastructure;

/// <summary>One page in its own browser context, with what the browser complained about.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _problems.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught script errors so far, e.g. a Content-Security-Policy refusal.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Navigates and fails on an HTTP error status, so a broken page never passes silently.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"{path} answered {response.Status}, expected {expectedStatus}");
        return response;
    }

    /// <summary>Runs axe-core (WCAG 2.2 AA tags) on the current page and fails with a readable list of violations.</summary>
    public Task AssertAccessibleAsync() => Axe.AssertNoViolationsAsync(Page);

    /// <summary>Fails if the browser logged an error (blocked inline script or style, failed module, …).</summary>
    public void AssertNoBrowserProblems() =>
        Assert.True(_problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", _problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
