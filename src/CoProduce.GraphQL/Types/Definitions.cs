using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// An argument of a field or directive, or a field of an input object (graphql-js's <c>GraphQLArgument</c> and
/// <c>GraphQLInputField</c>). The default value stays an AST literal: execution coerces it, introspection prints it.
/// </summary>
public sealed class InputValueDefinition(string name, GraphQLType type, string? description = null)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; } = type;

    public string? Description { get; init; } = description;

    /// <summary>The default as a constant literal, or null when there is none (a literal <c>null</c> is a node).</summary>
    public ValueNode? DefaultValue { get; init; }

    public bool HasDefaultValue => DefaultValue is not null;

    /// <summary>The reason from <c>@deprecated</c>, or null when not deprecated.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public InputValueDefinitionNode? AstNode { get; init; }

    /// <summary>True for a required argument or input field: non-null and without a default.</summary>
    public bool IsRequired => Type is NonNullType && DefaultValue is null;

    public override string ToString() => $"{Name}: {Type}";
}

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    private readonly Dictionary<string, InputValueDefinition>? _argumentsByName;

    public FieldDefinition(string name, GraphQLType type, IReadOnlyList<InputValueDefinition>? arguments = null)
    {
        Name = name;
        Type = type;
        Arguments = arguments ?? [];
        if (Arguments.Count > 0)
        {
            _argumentsByName = new Dictionary<string, InputValueDefinition>(Arguments.Count, StringComparer.Ordinal);
            foreach (var argument in Arguments)
            {
                _argumentsByName.TryAdd(argument.Name, argument);
            }
        }
    }

    public string Name { get; }

    /// <summary>The output type.</summary>
    public GraphQLType Type { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public string? Description { get; init; }

    /// <summary>The reason from <c>@deprecated</c>, or null when not deprecated.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public FieldDefinitionNode? AstNode { get; init; }

    /// <summary>The object or interface this field is declared on (set when added to it).</summary>
    public ComplexType? DeclaringType { get; internal set; }

    /// <summary>
    /// Produces the field's value. Null means the default resolver (execution reads a property, dictionary entry or
    /// method of the source with the field's name). Set by <see cref="SchemaBuilder"/>; fixed once the schema exists.
    /// </summary>
    public FieldResolver? Resolver
    {
        get;
        set
        {
            ThrowIfFrozen();
            field = value;
            SourceReader = null;
        }
    }

    /// <summary>
    /// Set together with <see cref="Resolver"/> (by the introspection types) when the resolver is synchronous and
    /// reads only the source and the arguments: execution calls it with those and builds no resolve context. Gives
    /// the same answer as <see cref="Resolver"/>; cleared when the resolver is replaced.
    /// </summary>
    internal Func<object, IReadOnlyDictionary<string, object?>, object?>? SourceReader { get; set; }

    /// <summary>For subscription root fields: produces the source stream. Each event is then resolved by <see cref="Resolver"/>.</summary>
    public SubscriptionResolver? Subscriber
    {
        get;
        set
        {
            ThrowIfFrozen();
            field = value;
        }
    }

    /// <summary>Shared meta-fields such as <c>__typename</c> belong to every schema and can never change.</summary>
    internal bool IsShared { get; init; }

    private void ThrowIfFrozen()
    {
        if (IsShared)
        {
            throw new InvalidOperationException($"Field \"{Name}\" is shared by every schema and cannot change.");
        }

        DeclaringType?.ThrowIfFrozenInternal();
    }

    /// <summary>Argument lookup by name; null when the field has no such argument.</summary>
    public InputValueDefinition? GetArgument(string name) =>
        _argumentsByName is not null && _argumentsByName.TryGetValue(name, out var argument) ? argument : null;

    public override string ToString() => $"{DeclaringType?.Name}.{Name}";
}

/// <summary>A directive definition: built in (<c>@skip</c>, <c>@include</c>...) or declared in SDL.</summary>
public sealed class DirectiveDefinition
{
    private readonly Dictionary<string, InputValueDefinition> _argumentsByName;
    private readonly HashSet<DirectiveLocation> _locations;

    public DirectiveDefinition(
        string name,
        IReadOnlyList<DirectiveLocation> locations,
        IReadOnlyList<InputValueDefinition>? arguments = null,
        bool isRepeatable = false,
        string? description = null)
    {
        Name = name;
        Locations = locations;
        _locations = [.. locations];
        Arguments = arguments ?? [];
        _argumentsByName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            _argumentsByName.TryAdd(argument.Name, argument);
        }

        IsRepeatable = isRepeatable;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public bool IsRepeatable { get; }

    /// <summary>
    /// The reason from <c>@deprecated</c>, or null when not deprecated. Deprecating a directive is graphql-js 16.15
    /// behaviour beyond the September 2025 spec.
    /// </summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public DirectiveDefinitionNode? AstNode { get; init; }

    /// <summary>True for the directives every schema has (<see cref="BuiltIns.Directives"/>).</summary>
    public bool IsBuiltIn { get; internal init; }

    public bool IsAllowedAt(DirectiveLocation location) => _locations.Contains(location);

    public InputValueDefinition? GetArgument(string name) =>
        _argumentsByName.TryGetValue(name, out var argument) ? argument : null;

    public override string ToString() => "@" + Name;
}
