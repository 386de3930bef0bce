using System.Globalization;
using CoProduce.GraphQL;
using CoProduce.GraphQL.AspNetCore;
using CoProduce.GraphQL.Execution;
using CoProduce.Server.Api;
using CoProduce.Server.Localisation;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class GraphQLApiExtensions
{
    /// <summary>
    /// The GraphQL API: the schema of <c>Api/schema.graphql</c> with its resolvers, served by
    /// CoProduce.GraphQL.AspNetCore over HTTP and WebSocket with limits on, errors masked outside
    /// Development, introspection off outside Development unless <c>GraphQL:Introspection</c> is true,
    /// optional trusted documents, and messages in the request's language. Options: <see cref="GraphQLApiOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLApiOptions>().BindConfiguration(GraphQLApiOptions.SectionName).ValidateOnStart();
        var api = builder.Configuration.GetSection(GraphQLApiOptions.SectionName).Get<GraphQLApiOptions>() ?? new GraphQLApiOptions();

        builder.Services.AddSingleton<PublicConsultations>();
        builder.Services.AddScoped<ConsultationFinder>();

        var server = builder.Services.AddGraphQLServer(_ => ApiSchema.Build()).Configure(options =>
        {
            options.Execution = ExecutionOptions.Default with
            {
                MaxCost = api.MaxCost,
                MaxSelectionDepth = api.MaxDepth,
                MaxAliases = api.MaxAliases,
            };
            options.EnableIntrospection = api.Introspection;
            options.MaxRequestBodyBytes = api.MaxRequestBodyBytes;
            options.MaxBatchSize = api.MaxBatchSize;
            options.ExecutionTimeout = TimeSpan.FromSeconds(api.TimeoutSeconds);
            options.TrustedDocuments = api.TrustedDocuments;
            options.LocalizeError = ApiLanguages.LocalizeError;
            options.ConfigureRequest = ApiActor.Configure;
            options.WebSockets.OnConnectionInit = ApiWebSocketAuthentication.OnConnectionInitAsync;
            foreach (var origin in api.AllowedWebSocketOrigins)
            {
                options.WebSockets.AllowedOrigins.Add(origin);
            }
        });
        if (api.TrustedDocumentsDirectory is { Length: > 0 } folder)
        {
            var path = Path.Combine(builder.Environment.ContentRootPath, folder);
            server.AddTrustedDocuments(Directory.EnumerateFiles(path, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/graphql</c> (HTTP and graphql-transport-ws). Requests to it run in the language of their
    /// <c>Accept-Language</c> header (Welsh or English), not of the address as pages do.
    /// </summary>
    public static WebApplication MapGraphQLApi(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiLanguages.Path), api => api.Use(async (context, next) =>
        {
            var culture = ApiLanguages.CultureOf(context);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            // A client that sends a token expects to be signed in: a token that is not valid (unknown, revoked, or
            // of a disabled account) is refused rather than silently treated as anonymous.
            if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true)
            {
                await WriteInvalidTokenAsync(context);
                return;
            }

            await next(context);
        }));
        app.MapGraphQL(ApiLanguages.Path).DisableAntiforgery();
        return app;
    }

    private static Task WriteInvalidTokenAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<Text>();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new
        {
            errors = new[] { new { message = text["Api.Error.InvalidToken"], extensions = new { code = "UNAUTHENTICATED" } } },
        }));
    }
}
