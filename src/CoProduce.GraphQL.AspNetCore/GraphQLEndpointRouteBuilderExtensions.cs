using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.GraphQL.AspNetCore;

public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves GraphQL over HTTP (GET and POST) and, unless switched off, over WebSocket (graphql-transport-ws) at
    /// <paramref name="pattern"/>. WebSocket upgrades need <c>app.UseWebSockets()</c> before routing.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var http = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        var webSockets = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        return endpoints.Map(pattern, context => context.WebSockets.IsWebSocketRequest
                ? webSockets.HandleAsync(context)
                : http.HandleAsync(context))
            .WithDisplayName("GraphQL " + pattern);
    }
}
