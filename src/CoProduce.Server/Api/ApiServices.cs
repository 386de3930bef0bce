using CoProduce.GraphQL.AspNetCore;
using CoProduce.GraphQL.Types;

namespace CoProduce.Server.Api;

/// <summary>
/// The services a resolver uses. A query's sibling fields (and a mutation payload's) run at once, and a
/// WebSocket upgrade request's scope lives as long as the connection, so a resolver that touches the database
/// gets a scope of its own (<see cref="Begin"/>), disposed when it is done. Root mutation fields run one after
/// another (spec 6.2.2), so they share the request's scope, and with it one database context per request.
/// </summary>
internal static class ApiServices
{
    public static IServiceProvider Of(IResolveFieldContext context) =>
        context.Services ?? throw new InvalidOperationException("The GraphQL API runs only with request services.");

    /// <summary>Services for one resolver's database work; dispose the result when done.</summary>
    public static ApiScope Begin(IResolveFieldContext context)
    {
        var services = Of(context);
        var serialMutationField = ReferenceEquals(context.ParentType, context.Schema.MutationType)
            && context.GetHttpContext() is not { WebSockets.IsWebSocketRequest: true };
        if (!serialMutationField)
        {
            var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return new ApiScope(scope.ServiceProvider, scope);
        }

        return new ApiScope(services, null);
    }
}

/// <summary>Services for one resolver; owns (and disposes) a scope only when <see cref="ApiServices.Begin"/> made one.</summary>
internal readonly struct ApiScope(IServiceProvider services, AsyncServiceScope? owned) : IAsyncDisposable
{
    public IServiceProvider Services { get; } = services;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => owned is { } scope ? scope.DisposeAsync() : ValueTask.CompletedTask;
}
