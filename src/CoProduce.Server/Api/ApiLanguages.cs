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
    /// The message of an error in the request's language. Messages the API makes are already in it (resolvers
    /// run in the request's culture); the engine's own messages keep their English text until they carry a
    /// message key.
    /// </summary>
    public static string LocalizeError(GraphQLError error, HttpContext context) => error.Message;
}
