using Microsoft.AspNetCore.Localization;

namespace CoProduce.Server.Localisation;

/// <summary>
/// Welsh pages live under <c>/cy</c>. This middleware moves that segment from <c>Path</c> into
/// <c>PathBase</c>, so every page, route and link works unchanged in both languages and every link
/// the framework generates (tag helpers, <c>Url.Page</c>, redirects) stays in the language the person
/// chose. URLs stay shareable: the language is in the address, never in a cookie.
/// </summary>
public sealed class LanguagePrefixMiddleware(RequestDelegate next)
{
    private static readonly PathString WelshPrefix = new("/" + Cultures.WelshPathSegment);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(WelshPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            context.Features.Set(new LanguagePrefixFeature(Welsh: true));
            context.Request.PathBase = context.Request.PathBase.Add(WelshPrefix);
            context.Request.Path = rest.HasValue ? rest : new PathString("/");
        }
        // Deliberately not restored afterwards (unlike UsePathBase): the status-code pages and the
        // exception handler, which run outside this middleware, re-execute the error page with the
        // path base still carrying /cy, so error pages and their links stay in Welsh.
        return next(context);
    }
}

/// <summary>Set on a request that arrived under the Welsh prefix.</summary>
public sealed record LanguagePrefixFeature(bool Welsh);

/// <summary>Chooses the request culture from <see cref="LanguagePrefixFeature"/>; English otherwise.</summary>
public sealed class LanguagePrefixCultureProvider : RequestCultureProvider
{
    private static readonly ProviderCultureResult WelshResult = new(Cultures.Welsh.Name);
    private static readonly ProviderCultureResult EnglishResult = new(Cultures.English.Name);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult<ProviderCultureResult?>(
            httpContext.Features.Get<LanguagePrefixFeature>() is { Welsh: true } ? WelshResult : EnglishResult);
}
