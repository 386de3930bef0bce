using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL (schema-first), applying <c>extend</c> definitions and the built-in
/// directives, and binds resolvers to fields explicitly (<see cref="Bind(string, string, FieldResolver)"/>) or by
/// convention (<see cref="BindType{T}(string)"/>). <see cref="Build"/> validates the type system and throws
/// <see cref="SchemaException"/> listing every problem.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly List<DocumentNode> _documents = [];

    public static Schema FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl).Build();

    public static Schema FromDocument(DocumentNode document) => new SchemaBuilder().AddDocument(document).Build();

    public SchemaBuilder AddSdl(string sdl) => AddDocument(Parser.Parse(sdl, ParserOptions.Default with
    {
        // SDL is trusted, developer-written input: only the stack guard matters.
        MaxTokens = int.MaxValue,
        MaxDocumentBytes = int.MaxValue,
    }));

    public SchemaBuilder AddDocument(DocumentNode document)
    {
        _documents.Add(document);
        return this;
    }

    /// <summary>Binds one field's resolver explicitly.</summary>
    public SchemaBuilder Bind(string typeName, string fieldName, FieldResolver resolver) =>
        throw new NotImplementedException();

    /// <summary>Binds a subscription field's source stream.</summary>
    public SchemaBuilder BindSubscription(string fieldName, SubscriptionResolver subscriber) =>
        throw new NotImplementedException();

    /// <summary>
    /// Binds the public methods and properties of <typeparamref name="T"/> to the fields of <paramref name="typeName"/>
    /// by name (camelCase field ↔ PascalCase member); method parameters bind to arguments by name, and
    /// <see cref="CancellationToken"/>, <see cref="IResolveFieldContext"/> and services are injected.
    /// </summary>
    public SchemaBuilder BindType<T>(string typeName) => throw new NotImplementedException();

    /// <summary>Supplies the implementation of a custom scalar declared in SDL.</summary>
    public SchemaBuilder AddScalar(ScalarType scalar) => throw new NotImplementedException();

    public Schema Build() => throw new NotImplementedException();
}

/// <summary>A schema that cannot be built or is invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class SchemaException(IReadOnlyList<GraphQLError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;
}
