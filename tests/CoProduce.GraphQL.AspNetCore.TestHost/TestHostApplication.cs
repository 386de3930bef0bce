using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.GraphQL.AspNetCore.TestHost;

/// <summary>Wires the test schema the same way for the console host and the .NET tests.</summary>
public static class TestHostApplication
{
    /// <summary>
    /// Adds the GraphQL server with the test hooks: a <c>connection_init</c> payload <c>{"token": "reject"}</c> is
    /// refused (4403); <c>{"user": NAME}</c> signs the connection in as NAME; an <c>X-Test-User</c> header signs an
    /// HTTP request in; items get <c>"greeting"</c>.
    /// </summary>
    public static GraphQLServerBuilder AddTestGraphQL(this IServiceCollection services, Action<GraphQLServerOptions>? configure = null) =>
        services.AddGraphQLServer(_ => TestSchema.Build())
            .Configure(options =>
            {
                // The graphql-http audit's variable checks query __type, so the test host keeps introspection on.
                options.EnableIntrospection = true;
                options.WebSockets.ConnectionInitTimeout = TimeSpan.FromSeconds(2);
                options.ConfigureRequest = (http, items) =>
                {
                    items["greeting"] = "hi";
                    return ValueTask.CompletedTask;
                };
                options.WebSockets.OnConnectionInit = context =>
                {
                    if (context.Payload is { } payload)
                    {
                        if (payload.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
                            && token.GetString() == "reject")
                        {
                            return ValueTask.FromResult(false);
                        }

                        if (payload.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String)
                        {
                            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.GetString()!)], "test"));
                        }
                    }

                    return ValueTask.FromResult(true);
                };
                configure?.Invoke(options);
            });

    /// <summary>Test authentication: the <c>X-Test-User</c> header names the user.</summary>
    public static WebApplication UseTestGraphQL(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Headers["X-Test-User"].ToString() is { Length: > 0 } name)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));
            }

            return next(context);
        });
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        return app;
    }
}
