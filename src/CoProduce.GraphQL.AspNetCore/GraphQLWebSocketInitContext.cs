using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>What a host sees when a WebSocket client sends <c>connection_init</c>.</summary>
public sealed class GraphQLWebSocketInitContext(HttpContext httpContext, JsonElement? payload)
{
    /// <summary>The upgrade request (cookies, headers, the principal authentication set).</summary>
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The <c>connection_init</c> payload (a JSON object), or null when none was sent.</summary>
    public JsonElement? Payload { get; } = payload;

    /// <summary>The principal resolvers see for every operation of the connection. Starts as the upgrade request's user.</summary>
    public ClaimsPrincipal User { get; set; } = httpContext.User;

    /// <summary>Items copied into every operation's items (resolvers' <c>Items</c>).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>An optional payload for <c>connection_ack</c> (written as a JSON object).</summary>
    public IReadOnlyDictionary<string, object?>? AckPayload { get; set; }
}
