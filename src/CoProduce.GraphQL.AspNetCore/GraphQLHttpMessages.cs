namespace CoProduce.GraphQL.AspNetCore;

/// <summary>
/// Messages the transport words itself, with stable keys (in locales/Strings.resx and Strings.cy.resx) so a host's
/// <see cref="GraphQLServerOptions.LocalizeError"/> can translate them like the engine's
/// (<see cref="GraphQLError.LocalizeMessage"/>).
/// </summary>
public static class GraphQLHttpMessages
{
    public static readonly MessageTemplate MethodNotAllowed =
        new("GraphQL.Http.MethodNotAllowed", "GraphQL requests are sent with POST (or GET for queries).");

    public static readonly MessageTemplate PostOnly = new("GraphQL.Http.PostOnly", "GraphQL requests are sent with POST.");

    public static readonly MessageTemplate NotAcceptable =
        new("GraphQL.Http.NotAcceptable", "The Accept header allows neither {0} nor {1}.");

    public static readonly MessageTemplate UnsupportedMediaType =
        new("GraphQL.Http.UnsupportedMediaType", "Send GraphQL requests as {0} (UTF-8).");

    public static readonly MessageTemplate BodyTooLarge =
        new("GraphQL.Http.BodyTooLarge", "The request body is larger than the maximum of {0} bytes.");

    public static readonly MessageTemplate EmptyBody = new("GraphQL.Http.EmptyBody", "The request body is empty.");

    public static readonly MessageTemplate InvalidJson = new("GraphQL.Http.InvalidJson", "The request body is not valid JSON.");

    public static readonly MessageTemplate RequestNotObject =
        new("GraphQL.Http.RequestNotObject", "A GraphQL request must be a JSON object.");

    public static readonly MessageTemplate ParameterNotString =
        new("GraphQL.Http.ParameterNotString", "The \"{0}\" parameter must be a string.");

    public static readonly MessageTemplate ParameterNotObject =
        new("GraphQL.Http.ParameterNotObject", "The \"{0}\" parameter must be a JSON object.");

    public static readonly MessageTemplate ParameterNotJson =
        new("GraphQL.Http.ParameterNotJson", "The \"{0}\" parameter is not valid JSON.");

    public static readonly MessageTemplate ParameterRepeated =
        new("GraphQL.Http.ParameterRepeated", "The \"{0}\" parameter is given more than once.");

    public static readonly MessageTemplate MissingQuery =
        new("GraphQL.Http.MissingQuery", "Missing the \"query\" parameter (or the \"documentId\" of a trusted document).");

    public static readonly MessageTemplate BatchingDisabled =
        new("GraphQL.Http.BatchingDisabled", "Batched requests (a JSON array) are not accepted; send one request per POST.");

    public static readonly MessageTemplate BatchSize = new("GraphQL.Http.BatchSize", "A batch must hold between 1 and {0} requests.");

    public static readonly MessageTemplate MutationOverGet =
        new("GraphQL.Http.MutationOverGet", "Mutations cannot be sent with GET; use POST.");

    public static readonly MessageTemplate SubscriptionOverHttp =
        new("GraphQL.Http.SubscriptionOverHttp", "Subscriptions are served over WebSocket (graphql-transport-ws), not over HTTP.");

    public static readonly MessageTemplate TrustedDocumentRequired =
        new("GraphQL.Http.TrustedDocumentRequired", "Only trusted documents are accepted; send the documentId of a trusted document.");

    public static readonly MessageTemplate TooManyOperations =
        new("GraphQL.Http.TooManyOperations", "Too many operations on this connection (at most {0}); complete some first.");

    /// <summary>Every template above (keys are unique).</summary>
    public static IReadOnlyList<MessageTemplate> All { get; } =
    [
        MethodNotAllowed, PostOnly, NotAcceptable, UnsupportedMediaType, BodyTooLarge, EmptyBody, InvalidJson,
        RequestNotObject, ParameterNotString, ParameterNotObject, ParameterNotJson, ParameterRepeated, MissingQuery,
        BatchingDisabled, BatchSize, MutationOverGet, SubscriptionOverHttp, TrustedDocumentRequired, TooManyOperations,
    ];
}
