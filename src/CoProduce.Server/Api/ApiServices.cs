using CoProduce.GraphQL.Types;

namespace CoProduce.Server.Api;

/// <summary>The request's services, which the transport always provides to resolvers.</summary>
internal static class ApiServices
{
    public static IServiceProvider Of(IResolveFieldContext context) =>
        context.Services ?? throw new InvalidOperationException("The GraphQL API runs only with request services.");
}
