using System.Text.Json;
using CoProduce.GraphQL.AspNetCore;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authentication;

namespace CoProduce.Server.Api;

/// <summary>
/// Staff over WebSocket: browsers cannot set headers on a WebSocket, so a client may send its API token in the
/// <c>connection_init</c> payload as <c>{"authorization": "Bearer …"}</c>. The token is checked by the same
/// <c>ApiToken</c> authentication handler as HTTP requests; a token that is not valid refuses the connection
/// (4403). Without one the connection is anonymous (or carries the upgrade request's own sign-in).
/// </summary>
public static class ApiWebSocketAuthentication
{
    public static async ValueTask<bool> OnConnectionInitAsync(GraphQLWebSocketInitContext init)
    {
        if (init.Payload is not { ValueKind: JsonValueKind.Object } payload
            || !payload.TryGetProperty("authorization", out var authorization))
        {
            return true;
        }

        if (authorization.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // The upgrade request has completed its own authentication; run the bearer scheme on the payload's value.
        init.HttpContext.Request.Headers.Authorization = authorization.GetString();
        var result = await init.HttpContext.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName);
        if (!result.Succeeded || StaffClaims.ToActor(result.Principal) is null)
        {
            return false;
        }

        init.User = result.Principal;
        return true;
    }
}
