using CoProduce.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>Configures the GraphQL endpoint registered by <see cref="GraphQLServiceCollectionExtensions.AddGraphQLServer"/>.</summary>
public sealed class GraphQLServerBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Sets options (limits, introspection, error hooks, WebSocket settings).</summary>
    public GraphQLServerBuilder Configure(Action<GraphQLServerOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Trusts a fixed set of documents, each under its SHA-256 hash.</summary>
    public GraphQLServerBuilder AddTrustedDocuments(IEnumerable<string> documents)
    {
        Services.RemoveAll<ITrustedDocumentStore>();
        Services.AddSingleton<ITrustedDocumentStore>(new InMemoryTrustedDocumentStore(documents));
        return this;
    }

    /// <summary>Uses a host-provided store of trusted documents (a singleton).</summary>
    public GraphQLServerBuilder AddTrustedDocumentStore<TStore>()
        where TStore : class, ITrustedDocumentStore
    {
        Services.RemoveAll<ITrustedDocumentStore>();
        Services.AddSingleton<ITrustedDocumentStore, TStore>();
        return this;
    }
}

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers the GraphQL server for a schema (built once, on first use, from the root service provider).
    /// Map it with <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/>.
    /// </summary>
    public static GraphQLServerBuilder AddGraphQLServer(this IServiceCollection services, Func<IServiceProvider, Schema> schemaFactory)
    {
        ArgumentNullException.ThrowIfNull(schemaFactory);
        services.AddOptions<GraphQLServerOptions>();
        services.TryAddSingleton(provider => new GraphQLServer(
            schemaFactory(provider),
            provider.GetRequiredService<IOptions<GraphQLServerOptions>>(),
            provider.GetRequiredService<IHostEnvironment>(),
            provider.GetRequiredService<ILogger<GraphQLServer>>(),
            provider.GetService<ITrustedDocumentStore>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<GraphQLServer>().Executor);
        services.TryAddSingleton<GraphQLHttpHandler>();
        services.TryAddSingleton<GraphQLWebSocketHandler>();
        return new GraphQLServerBuilder(services);
    }
}
