using System.Globalization;
using CoProduce.GraphQL;
using CoProduce.Server.Localisation;
using Microsoft.Net.Http.Headers;

namespace CoProduce.Server.Api;

/// <summary>The language of an API request: Welsh when <c>Accept-Language</c> prefers <c>cy</c> to <c>en</c>, else English.</summary>
public static class ApiLanguages
{
    public const string Path = "/graphql";

    public static CultureInfo CultureOf(HttpContext context)
    {
        var header = context.Request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var languages))
        {
            return Cultures.English;
        }

        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("cy", StringComparison.OrdinalIgnoreCase))
            {
                return Cultures.Welsh;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Cultures.English;
            }
        }

        return Cultures.English;
    }

    /// <summary>
    /// The message of an error in the request's language. Messages the API makes are already in it (resolvers run
    /// in the request's culture); the engine's own messages carry a key (<c>GraphQL.*</c> in <c>locales/</c>) and
    /// their arguments, and are formatted again in Welsh when the request is Welsh. English keeps the engine's text,
    /// which is graphql-js's wording.
    /// </summary>
    public static string LocalizeError(GraphQLError error, HttpContext context)
    {
        var culture = CultureOf(context);
        if (error.MessageKey is null || !Cultures.IsWelsh(culture))
        {
            return error.Message;
        }

        var localizer = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return error.LocalizeMessage(key => localizer[key] is { ResourceNotFound: false } found ? found.Value : null, culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
