using CoProduce.GraphQL;
using CoProduce.GraphQL.Execution;
using CoProduce.Server.Api;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLApiExtensions
{
    /// <summary>
    /// The GraphQL API at <c>/graphql</c>: the schema of <c>Api/schema.graphql</c> with its resolvers, and the
    /// services they use. Options under <c>GraphQL</c> (<see cref="GraphQLApiOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLApiOptions>().BindConfiguration(GraphQLApiOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<PublicConsultations>();
        builder.Services.AddScoped<ConsultationFinder>();
        builder.Services.AddSingleton(_ => ApiSchema.Build());
        builder.Services.AddSingleton(provider => new GraphQLExecutor(
            provider.GetRequiredService<CoProduce.GraphQL.Types.Schema>(),
            new ExecutionOptions
            {
                MaskUnexpectedErrors = !builder.Environment.IsDevelopment(),
                MaxCost = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLApiOptions>>().Value.MaxCost,
            }));
        return builder;
    }
}
