using CoProduce.Core.Staff;
using CoProduce.GraphQL.AspNetCore;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Api;

/// <summary>
/// The signed-in staff member behind an API request: from the request's principal (a bearer API token, or the
/// staff cookie), or for WebSocket from the token in the <c>connection_init</c> payload. Null for anonymous callers.
/// </summary>
public static class ApiActor
{
    private const string ItemKey = "CoProduce.Api.Actor";

    /// <summary>Called once per operation (<c>GraphQLServerOptions.ConfigureRequest</c>).</summary>
    public static ValueTask Configure(HttpContext http, IDictionary<string, object?> items)
    {
        var user = items.TryGetValue(GraphQLHttpItems.User, out var value) && value is System.Security.Claims.ClaimsPrincipal principal
            ? principal
            : http.User;
        items[ItemKey] = StaffClaims.ToActor(user);
        return ValueTask.CompletedTask;
    }

    public static StaffActor? Of(IResolveFieldContext context) =>
        context.Items.TryGetValue(ItemKey, out var actor) ? actor as StaffActor : null;

    /// <summary>The actor, or a localised <c>UNAUTHENTICATED</c> error for anonymous callers.</summary>
    public static StaffActor Required(IResolveFieldContext context) =>
        Of(context) ?? throw new GraphQLException(ApiServices.Of(context).GetRequiredService<Text>()["Api.Error.SignInRequired"], "UNAUTHENTICATED");
}
