using System.Globalization;
using System.Text.RegularExpressions;
using CoProduce.Browser.Tests.Infrastructure;
using CoProduce.Server.Localisation;
using Microsoft.Playwright;

namespace CoProduce.Browser.Tests.Workshops;

/// <summary>The words of <c>locales/</c> in one language, so tests press the buttons people see without copying them.</summary>
public sealed class Words(string language)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(language == "cy" ? "cy" : "en");

    public string Language => language;

    /// <summary>The address prefix of the language: <c>/cy</c> for Welsh, nothing for English.</summary>
    public string Prefix => language == "cy" ? "/cy" : "";

    public string this[string key] =>
        ResxStringLocalizer.Resources.GetString(key, _culture) ?? throw new InvalidOperationException($"No string {key}");

    public string Format(string key, params object[] arguments) => string.Format(_culture, this[key], arguments);

    /// <summary>The button with exactly this text (role button, so links styled as buttons count too).</summary>
    public ILocator Button(ILocator scope, string key) =>
        scope.GetByRole(AriaRole.Button, new() { Name = this[key], Exact = true });
}

/// <summary>A participant on their own device: a browser context of their own, in their own language.</summary>
public sealed class Participant(BrowserPage session, Words words, string pseudonym)
{
    public BrowserPage Session { get; } = session;

    public IPage Page => Session.Page;

    public Words Words { get; } = words;

    public string Pseudonym { get; } = pseudonym;

    public ILocator App => Page.Locator("#workshop-app");

    public ILocator Status => Page.Locator("#workshop-status");

    public ILocator Tally => Page.Locator("#activity-tally");

    public string this[string key] => Words[key];

    /// <summary>Fails if the page can be scrolled sideways (content wider than the screen).</summary>
    public async Task AssertNoHorizontalScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{Page.Url} scrolls sideways for {Pseudonym}: {widths[0]}px of content in {widths[1]}px");
    }

    /// <summary>Submits the activity's form and waits for the server's acknowledgement ("Saved.").</summary>
    public async Task SendAsync(ILocator form, string buttonKey)
    {
        await Words.Button(form, buttonKey).ClickAsync();
        await Assertions.Expect(form.Locator("[role=status]")).ToHaveTextAsync(this["Workshop.Live.Saved"]);
    }

    /// <summary>The form inside the live area that has this button.</summary>
    public ILocator Form(string buttonKey) =>
        App.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = this[buttonKey], Exact = true }) });

    public ILocator TallyRow(string label) =>
        Tally.Locator("li").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + ":") });
}

/// <summary>The facilitator's run page: every action is a form post that comes back to the page.</summary>
public sealed class FacilitatorPage(BrowserPage session, Words words, string runPath)
{
    public BrowserPage Session { get; } = session;

    public IPage Page => Session.Page;

    public Words Words { get; } = words;

    public string RunPath { get; } = runPath;

    public string this[string key] => Words[key];

    /// <summary>Opens the run page afresh (the room as saved now).</summary>
    public async Task ReloadAsync()
    {
        // facilitator.js may be reloading the page itself just then (the room changed): that aborts this navigation, not the test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Session.GotoAsync(RunPath);
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                await Page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    /// <summary>Clicks a button of a form and waits for the page that answers it.</summary>
    public async Task SubmitAsync(ILocator button)
    {
        await Page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Request.Method == "POST");
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
    }

    public async Task RoomAsync(string commandKey)
    {
        await ReloadAsync();
        await SubmitAsync(Words.Button(Page.Locator("main"), "Staff.Workshops.Run.Command." + commandKey));
    }

    public ILocator Activity(string title) => Page.Locator(".govuk-summary-card").Filter(new() { HasText = title });

    public async Task ActivityAsync(string title, string commandKey)
    {
        await ReloadAsync();
        await SubmitAsync(Words.Button(Activity(title), "Staff.Workshops.Run.Command." + commandKey));
    }

    public ILocator Person(string pseudonym) => Page.Locator("main li").Filter(new() { HasText = pseudonym });

    public async Task PersonAsync(string pseudonym, string commandKey)
    {
        await ReloadAsync();
        await SubmitAsync(Words.Button(Person(pseudonym), "Staff.Workshops.Run.Participant." + commandKey));
    }

    /// <summary>A contribution's box on the run page (the current activity's contributions).</summary>
    public ILocator Contribution(string text) =>
        Page.Locator(".govuk-inset-text").Filter(new() { Has = Page.Locator("p[lang]", new() { HasText = text }) });

    public async Task ModerateAsync(string text, string key)
    {
        await ReloadAsync();
        await SubmitAsync(Words.Button(Contribution(text), key));
    }

    /// <summary>The running number the run page shows a contribution with ("#3 …").</summary>
    public async Task<string> NumberOfAsync(string text)
    {
        var shown = await Contribution(text).Locator("p[lang]").InnerTextAsync();
        return Regex.Match(shown, @"^#(\d+)").Groups[1].Value;
    }
}
