using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Microsoft.Extensions.Hosting;

public static class LocalisationExtensions
{
    /// <summary>English and Welsh: strings from <c>locales/</c>, culture from the <c>/cy</c> path prefix.</summary>
    public static IHostApplicationBuilder AddLocalisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStringLocalizer, ResxStringLocalizer>();
        builder.Services.AddSingleton<IStringLocalizerFactory, ResxStringLocalizerFactory>();
        builder.Services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        builder.Services.AddSingleton<Text>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures.English);
            options.SupportedCultures = [.. Cultures.Supported];
            options.SupportedUICultures = [.. Cultures.Supported];
            // Only the address decides the language: no cookie, no Accept-Language guess, so a link
            // shared or bookmarked opens in the language it was copied in.
            options.RequestCultureProviders = [new LanguagePrefixCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return builder;
    }

    /// <summary>Strips the <c>/cy</c> prefix into the path base, then sets the request culture.</summary>
    public static WebApplication UseLocalisation(this WebApplication app)
    {
        app.UseMiddleware<LanguagePrefixMiddleware>();
        app.UseRequestLocalization();
        return app;
    }
}
