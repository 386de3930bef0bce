using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>
/// Accepts WebSocket upgrades for graphql-transport-ws: checks the Origin against the allow-list (403 before the
/// upgrade), negotiates the subprotocol (4406 after the upgrade when the client does not offer it), then runs a
/// <see cref="GraphQLWebSocketSession"/>.
/// </summary>
internal sealed class GraphQLWebSocketHandler(GraphQLServer server, ILogger<GraphQLWebSocketSession> logger, TimeProvider? time = null)
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task HandleAsync(HttpContext context)
    {
        var options = server.Options.WebSockets;
        if (!options.Enabled)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!IsOriginAllowed(context, options.AllowedOrigins))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered ? SubProtocol : null).ConfigureAwait(false);
        var session = new GraphQLWebSocketSession(server, context, socket, logger, _time);
        if (!offered)
        {
            await session.CloseAsync(GraphQLWebSocketSession.CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable")
                .ConfigureAwait(false);
            await session.DrainAsync().ConfigureAwait(false);
            return;
        }

        await session.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Same origin, an allowed origin, "*" in the list, or no Origin header (not a browser).</summary>
    internal static bool IsOriginAllowed(HttpContext context, IList<string> allowed)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var own = context.Request.Scheme + "://" + context.Request.Host.Value;
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var entry in allowed)
        {
            if (entry == "*" || string.Equals(entry.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
