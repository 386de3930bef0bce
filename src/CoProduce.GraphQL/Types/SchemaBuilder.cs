using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL (schema-first), as graphql-js's <c>buildASTSchema</c>: applies
/// <c>extend</c> definitions, descriptions and the built-in directives (<c>@deprecated</c>, <c>@specifiedBy</c>,
/// <c>@oneOf</c>), checks the SDL rules (unique names, known types and directives, directive locations...), binds
/// resolvers explicitly (<see cref="Bind(string, string, FieldResolver)"/>) or by convention
/// (<see cref="BindType{T}(string)"/>), then validates the type system. <see cref="Build"/> throws
/// <see cref="SchemaException"/> listing every problem with its location.
/// </summary>
public sealed partial class SchemaBuilder
{
    private static readonly ParserOptions s_sdlParserOptions = ParserOptions.Default with
    {
        // SDL is trusted, developer-written input: only the stack guard matters.
        MaxTokens = int.MaxValue,
        MaxDocumentBytes = int.MaxValue,
        MaxDepth = 1024,
    };

    private readonly List<DocumentNode> _documents = [];
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = [];
    private readonly Dictionary<string, SubscriptionResolver> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly List<(string TypeName, ConventionBinding Binding)> _typeBindings = [];
    private readonly Dictionary<string, Type> _enumBindings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);

    /// <summary>Skip type system validation (for trusted schemas that were validated before).</summary>
    public bool AssumeValid { get; set; }

    /// <summary>
    /// Parse directives on directive definitions in <see cref="AddSdl"/> (<c>directive @old @deprecated on FIELD</c>),
    /// as graphql-js 16.15 does under <c>experimentalDirectivesOnDirectiveDefinitions</c>. Set it before adding SDL.
    /// </summary>
    public bool AllowDirectivesOnDirectiveDefinitions { get; init; }

    public static Schema FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl).Build();

    public static Schema FromDocument(DocumentNode document) => new SchemaBuilder().AddDocument(document).Build();

    /// <summary>Adds SDL; several pieces may be added (e.g. one per feature), and extensions apply across them.</summary>
    public SchemaBuilder AddSdl(string sdl) => AddDocument(Parser.Parse(sdl,
        AllowDirectivesOnDirectiveDefinitions
            ? s_sdlParserOptions with { AllowDirectivesOnDirectiveDefinitions = true }
            : s_sdlParserOptions));

    public SchemaBuilder AddDocument(DocumentNode document)
    {
        _documents.Add(document);
        return this;
    }

    /// <summary>Binds one field's resolver explicitly; wins over convention binding.</summary>
    public SchemaBuilder Bind(string typeName, string fieldName, FieldResolver resolver)
    {
        _resolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>Binds a subscription root field's source stream.</summary>
    public SchemaBuilder BindSubscription(string fieldName, SubscriptionResolver subscriber)
    {
        _subscribers[fieldName] = subscriber;
        return this;
    }

    /// <summary>
    /// Binds the public methods and properties of <typeparamref name="T"/> to the fields of
    /// <paramref name="typeName"/> by name (field <c>heroName</c> ↔ member <c>HeroName</c>, <c>GetHeroName</c> or
    /// <c>HeroNameAsync</c>). Parameters bind to arguments by name; <see cref="CancellationToken"/>,
    /// <see cref="IResolveFieldContext"/>, a parameter named <c>parent</c> or <c>source</c> (the parent value) and
    /// services are injected. Instance members run on the parent value when it is a <typeparamref name="T"/> (so
    /// <typeparamref name="T"/> is also recorded as the type's <see cref="ObjectType.ClrType"/>), else on a
    /// <typeparamref name="T"/> from the request services, else on one instance made with its parameterless
    /// constructor. On the subscription type, members returning <c>IAsyncEnumerable&lt;T&gt;</c> bind as source
    /// streams (<see cref="FieldDefinition.Subscriber"/>) and each event resolves to itself. Reflection happens once,
    /// here; resolvers call cached invokers.
    /// </summary>
    public SchemaBuilder BindType<T>(string typeName) => BindType(typeName, typeof(T), null);

    /// <summary>As <see cref="BindType{T}(string)"/>, with a given instance for members that are not on the parent value.</summary>
    public SchemaBuilder BindType<T>(string typeName, T instance)
        where T : class => BindType(typeName, typeof(T), instance);

    public SchemaBuilder BindType(string typeName, Type clrType, object? instance = null)
    {
        _typeBindings.Add((typeName, new ConventionBinding(clrType, instance)));
        return this;
    }

    /// <summary>
    /// Binds an SDL enum to a .NET enum: resolvers then exchange <typeparamref name="TEnum"/> values, matched by name
    /// ignoring case and underscores (<c>NEW_HOPE</c> ↔ <c>NewHope</c>).
    /// </summary>
    public SchemaBuilder BindEnum<TEnum>(string typeName)
        where TEnum : struct, Enum
    {
        _enumBindings[typeName] = typeof(TEnum);
        return this;
    }

    /// <summary>Sets how values of an interface or union are matched to object types.</summary>
    public SchemaBuilder BindTypeResolver(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>
    /// Supplies the implementation of a custom scalar declared in SDL (a <see cref="ScalarType"/> subclass with the
    /// same name). Its description and <c>@specifiedBy</c> URL are taken from the SDL when it has none.
    /// </summary>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Builds and validates the schema; throws <see cref="SchemaException"/> with every problem found.</summary>
    public Schema Build()
    {
        var build = new SchemaBuild(this);
        var schema = build.Run();
        if (build.Errors.Count > 0)
        {
            throw new SchemaException(build.Errors);
        }

        if (!AssumeValid && schema is not null)
        {
            var errors = schema.Validate();
            if (errors.Count > 0)
            {
                throw new SchemaException(errors);
            }
        }

        // Run() returns null only together with errors, which threw above.
        return schema!;
    }
}

/// <summary>A schema that cannot be built or is invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class SchemaException(IReadOnlyList<GraphQLError> errors)
    : Exception("Invalid schema:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;
}

public sealed partial class SchemaBuilder
{
    internal IReadOnlyList<DocumentNode> Documents => _documents;

    internal IReadOnlyDictionary<(string Type, string Field), FieldResolver> Resolvers => _resolvers;

    internal IReadOnlyDictionary<string, SubscriptionResolver> Subscribers => _subscribers;

    internal IReadOnlyDictionary<string, ScalarType> Scalars => _scalars;

    internal IReadOnlyList<(string TypeName, ConventionBinding Binding)> TypeBindings => _typeBindings;

    internal IReadOnlyDictionary<string, Type> EnumBindings => _enumBindings;

    internal IReadOnlyDictionary<string, TypeResolver> TypeResolvers => _typeResolvers;
}
