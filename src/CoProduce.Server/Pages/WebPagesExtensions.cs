namespace Microsoft.Extensions.Hosting;

public static class WebPagesExtensions
{
    /// <summary>Server-rendered Razor Pages with GOV.UK Frontend; every unsafe request checks an antiforgery token.</summary>
    public static IHostApplicationBuilder AddWebPages(this IHostApplicationBuilder builder)
    {
        // Razor Pages validate the antiforgery token of every POST (and other unsafe methods) by
        // default; the form tag helper adds the token. Only the error page opts out, so that it can
        // render for a re-executed POST whose token failed.
        builder.Services.AddRazorPages();
        // Welsh letters (â, ŵ, ŷ…) and typographic quotes go out as themselves, not as &#x…; escapes.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
        });
        return builder;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages();
        return app;
    }
}
