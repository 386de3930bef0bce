using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>The media types of GraphQL over HTTP, and the negotiation the specification describes.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an Accept header: <c>application/graphql-response+json</c> when the client names it
    /// (preferred on equal quality), <c>application/json</c> when it names that, <c>application/*</c> or
    /// <c>*/*</c>, or sends no Accept header (legacy clients); null when nothing acceptable is offered (406).
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var type in types)
        {
            var quality = type.Quality ?? 1.0;
            if (quality <= 0)
            {
                continue;
            }

            var mediaType = type.MediaType.Value?.ToLowerInvariant();
            var candidate = mediaType switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is null)
            {
                continue;
            }

            if (best is null || quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse && best != GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>Whether a POST body's Content-Type is JSON we read: the two JSON types, UTF-8 or no charset.</summary>
    public static bool IsAcceptedRequestType(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value;
        if (!string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mediaType, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.Charset.Value;
        return string.IsNullOrEmpty(charset)
            || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }
}
