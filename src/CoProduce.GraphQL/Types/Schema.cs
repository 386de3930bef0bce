using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// A schema: root operation types, every named type reachable from them (plus extra types given), and directives.
/// Creating a schema freezes its types. The type map is collected in the same order as graphql-js so that
/// introspection lists types identically. Type system validation is separate: see <see cref="Validate"/>.
/// </summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = [];
    private readonly Dictionary<string, DirectiveDefinition> _directivesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, PossibleTypes> _possibleTypes = [];
    private IReadOnlyList<GraphQLError>? _validationErrors;

    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Directives = directives?.ToArray() ?? [.. BuiltIns.Directives];
        foreach (var directive in Directives)
        {
            _directivesByName.TryAdd(directive.Name, directive);
        }

        // Same traversal as graphql-js's GraphQLSchema constructor, including its re-ordering of explicitly given types.
        var collected = new OrderedTypeSet();
        if (types is not null)
        {
            foreach (var type in types)
            {
                collected.Add(type);
            }

            foreach (var type in types)
            {
                collected.Remove(type);
                Collect(type, collected);
            }
        }

        Collect(query, collected);
        Collect(mutation, collected);
        Collect(subscription, collected);
        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(argument.Type, collected);
            }
        }

        ObjectType? introspectionRoot = null;
        GetIntrospectionRoot(ref introspectionRoot);
        Collect(introspectionRoot, collected);

        foreach (var type in collected.Items)
        {
            if (!_typeMap.TryAdd(type.Name, type))
            {
                throw new ArgumentException(
                    $"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
            }

            _types.Add(type);
        }

        foreach (var type in _types)
        {
            if (type is ComplexType complex)
            {
                foreach (var implemented in complex.Interfaces)
                {
                    var entry = GetOrCreatePossibleTypes(implemented);
                    if (complex is ObjectType obj)
                    {
                        entry.Objects.Add(obj);
                        entry.ObjectSet.Add(obj);
                    }
                    else
                    {
                        entry.Interfaces.Add((InterfaceType)complex);
                    }
                }
            }
            else if (type is UnionType union)
            {
                var entry = GetOrCreatePossibleTypes(union);
                foreach (var member in union.Types)
                {
                    entry.Objects.Add(member);
                    entry.ObjectSet.Add(member);
                }
            }

            type.Freeze();
        }
    }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    public string? Description { get; init; }

    /// <summary>Directives applied to the schema definition and its extensions.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public SchemaDefinitionNode? AstNode { get; init; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; init; } = [];

    /// <summary>Every named type of the schema, in graphql-js's type map order.</summary>
    public IReadOnlyList<NamedType> Types => _types;

    /// <summary>Every directive of the schema (built-in ones included).</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The root type for an operation, or null when the schema does not support it.</summary>
    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    public NamedType? GetType(string name) => _typeMap.TryGetValue(name, out var type) ? type : null;

    public T? GetType<T>(string name)
        where T : NamedType => GetType(name) as T;

    public DirectiveDefinition? GetDirective(string name) =>
        _directivesByName.TryGetValue(name, out var directive) ? directive : null;

    /// <summary>
    /// The definition of a field selected on <paramref name="parentType"/>, including the meta-fields
    /// <c>__typename</c> (on any composite type) and <c>__schema</c>/<c>__type</c> (on the query root only), as
    /// graphql-js's <c>getFieldDef</c>. Null when there is no such field.
    /// </summary>
    public FieldDefinition? GetField(NamedType parentType, string fieldName)
    {
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename" && parentType.IsCompositeType())
            {
                return BuiltIns.TypeNameMetaField;
            }

            if (ReferenceEquals(parentType, QueryType) && fieldName is "__schema" or "__type")
            {
                FieldDefinition? metaField = null;
                GetIntrospectionMetaField(fieldName, ref metaField);
                if (metaField is not null)
                {
                    return metaField;
                }
            }
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    /// <summary>The object types a value of an abstract type can have (union members or implementing objects).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType => _possibleTypes.TryGetValue(abstractType, out var entry) ? entry.Objects : [],
        _ => [],
    };

    /// <summary>Objects and interfaces that declare they implement <paramref name="interfaceType"/>.</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(
        InterfaceType interfaceType) =>
        _possibleTypes.TryGetValue(interfaceType, out var entry) ? (entry.Objects, entry.Interfaces) : ([], []);

    /// <summary>True when <paramref name="objectType"/> is a member or implementation of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        _possibleTypes.TryGetValue(abstractType, out var entry) && entry.ObjectSet.Contains(objectType);

    /// <summary>
    /// True when <paramref name="maybeSubType"/> is a possible type of <paramref name="abstractType"/>: a union member,
    /// or an object or interface declaring it implements the interface.
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) => maybeSubType switch
    {
        ObjectType obj => IsPossibleType(abstractType, obj),
        InterfaceType iface => abstractType is InterfaceType && _possibleTypes.TryGetValue(abstractType, out var entry)
            && entry.Interfaces.Contains(iface),
        _ => false,
    };

    /// <summary>
    /// Type system validation (spec section 3 rules, as graphql-js's <c>validateSchema</c>). Computed once; an empty
    /// list means the schema is valid.
    /// </summary>
    public IReadOnlyList<GraphQLError> Validate() => _validationErrors ??= SchemaValidator.Validate(this);

    /// <summary>Implemented in Introspection/: supplies the <c>__Schema</c> type, whose references bring in every introspection type.</summary>
    static partial void GetIntrospectionRoot(ref ObjectType? schemaType);

    /// <summary>Implemented in Introspection/: supplies the <c>__schema</c> and <c>__type</c> meta-field definitions.</summary>
    static partial void GetIntrospectionMetaField(string name, ref FieldDefinition? field);

    private PossibleTypes GetOrCreatePossibleTypes(NamedType abstractType)
    {
        if (!_possibleTypes.TryGetValue(abstractType, out var entry))
        {
            entry = new PossibleTypes();
            _possibleTypes[abstractType] = entry;
        }

        return entry;
    }

    private static void Collect(GraphQLType? type, OrderedTypeSet collected)
    {
        if (type is null)
        {
            return;
        }

        var named = type.GetNamedType();
        if (!collected.Add(named))
        {
            return;
        }

        switch (named)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member, collected);
                }

                break;
            case ComplexType complex:
                foreach (var implemented in complex.Interfaces)
                {
                    Collect(implemented, collected);
                }

                foreach (var field in complex.Fields)
                {
                    Collect(field.Type, collected);
                    foreach (var argument in field.Arguments)
                    {
                        Collect(argument.Type, collected);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    Collect(field.Type, collected);
                }

                break;
        }
    }

    private sealed class PossibleTypes
    {
        public List<ObjectType> Objects { get; } = [];

        public HashSet<ObjectType> ObjectSet { get; } = [];

        public List<InterfaceType> Interfaces { get; } = [];
    }

    /// <summary>An insertion-ordered set with removal, like a JavaScript Set (schemas have at most a few thousand types).</summary>
    private sealed class OrderedTypeSet
    {
        private readonly HashSet<NamedType> _set = [];

        public List<NamedType> Items { get; } = [];

        public bool Add(NamedType type)
        {
            if (!_set.Add(type))
            {
                return false;
            }

            Items.Add(type);
            return true;
        }

        public void Remove(NamedType type)
        {
            if (_set.Remove(type))
            {
                Items.Remove(type);
            }
        }
    }
}
