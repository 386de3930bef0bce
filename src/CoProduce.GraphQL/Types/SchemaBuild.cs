using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>One run of <see cref="SchemaBuilder.Build"/>: SDL checks, type construction, extensions and bindings.</summary>
internal sealed class SchemaBuild(SchemaBuilder builder)
{
    private readonly Dictionary<string, TypeDefinitionNode> _typeDefinitions = new(StringComparer.Ordinal);
    private readonly List<TypeDefinitionNode> _typeDefinitionOrder = [];
    private readonly Dictionary<string, List<TypeExtensionNode>> _typeExtensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinitionNode> _directiveDefinitions = new(StringComparer.Ordinal);
    private readonly List<SchemaExtensionNode> _schemaExtensions = [];
    private readonly Dictionary<string, List<DirectiveExtensionNode>> _directiveExtensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private SchemaDefinitionNode? _schemaDefinition;

    public List<GraphQLError> Errors { get; } = [];

    public Schema? Run()
    {
        CollectDefinitions();
        CreateTypes();
        CheckExtensions();
        BuildDirectiveDefinitions();
        FillTypes();
        CheckAppliedDirectives();
        var (query, mutation, subscription) = ResolveRootTypes();
        ApplyBindings(subscription);
        if (Errors.Count > 0)
        {
            return null;
        }

        var directives = _directiveDefinitions.Keys.Select(name => _directives[name]).ToList();
        directives.AddRange(BuiltIns.Directives.Where(d => !_directiveDefinitions.ContainsKey(d.Name)));
        var schemaDirectives = new List<DirectiveNode>();
        if (_schemaDefinition is not null)
        {
            schemaDirectives.AddRange(_schemaDefinition.Directives);
        }

        foreach (var extension in _schemaExtensions)
        {
            schemaDirectives.AddRange(extension.Directives);
        }

        try
        {
            return new Schema(query, mutation, subscription, _typeDefinitionOrder.Select(d => _types[d.Name.Value]), directives)
            {
                Description = _schemaDefinition?.Description?.Value,
                AstNode = _schemaDefinition,
                ExtensionAstNodes = _schemaExtensions,
                AppliedDirectives = schemaDirectives,
            };
        }
        catch (ArgumentException exception)
        {
            // Two types with one name, e.g. an SDL type named like an introspection type.
            Errors.Add(new GraphQLError(exception.Message));
            return null;
        }
    }

    private void Error(string message, params ReadOnlySpan<SyntaxNode?> nodes) => Errors.Add(GraphQLError.At(message, nodes));

    // ---- Collection and SDL uniqueness rules ------------------------------------------------------------------------

    private static void AddTo<T>(Dictionary<string, List<T>> extensions, string name, T extension)
    {
        if (!extensions.TryGetValue(name, out var list))
        {
            list = [];
            extensions.Add(name, list);
        }

        list.Add(extension);
    }

    private void CollectDefinitions()
    {
        foreach (var document in builder.Documents)
        {
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case SchemaDefinitionNode schema:
                        if (_schemaDefinition is not null)
                        {
                            Error("Must provide only one schema definition.", schema);
                        }
                        else
                        {
                            _schemaDefinition = schema;
                        }

                        break;
                    case SchemaExtensionNode extension:
                        _schemaExtensions.Add(extension);
                        break;
                    case TypeDefinitionNode type:
                        if (_typeDefinitions.TryGetValue(type.Name.Value, out var existing))
                        {
                            Error($"There can be only one type named \"{type.Name.Value}\".", existing.Name, type.Name);
                        }
                        else
                        {
                            _typeDefinitions.Add(type.Name.Value, type);
                            _typeDefinitionOrder.Add(type);
                        }

                        break;
                    case TypeExtensionNode extension:
                        AddTo(_typeExtensions, extension.Name.Value, extension);
                        break;
                    case DirectiveDefinitionNode directive:
                        if (_directiveDefinitions.TryGetValue(directive.Name.Value, out var existingDirective))
                        {
                            Error($"There can be only one directive named \"@{directive.Name.Value}\".",
                                existingDirective.Name, directive.Name);
                        }
                        else
                        {
                            _directiveDefinitions.Add(directive.Name.Value, directive);
                        }

                        break;
                    case DirectiveExtensionNode directiveExtension:
                        AddTo(_directiveExtensions, directiveExtension.Name.Value, directiveExtension);
                        break;
                    default:
                        Error("A schema document cannot contain operations or fragments.", definition);
                        break;
                }
            }
        }
    }

    private void CreateTypes()
    {
        foreach (var definition in _typeDefinitionOrder)
        {
            var name = definition.Name.Value;
            var description = definition.Description?.Value;
            // As in graphql-js, a definition named like a specified scalar always means that scalar.
            NamedType type = (NamedType?)BuiltIns.GetScalar(name) ?? definition switch
            {
                ScalarTypeDefinitionNode => builder.Scalars.TryGetValue(name, out var custom) ? custom : new ScalarType(name),
                ObjectTypeDefinitionNode => new ObjectType(name),
                InterfaceTypeDefinitionNode => new InterfaceType(name),
                UnionTypeDefinitionNode => new UnionType(name),
                EnumTypeDefinitionNode => new EnumType(name),
                InputObjectTypeDefinitionNode => new InputObjectType(name),
                _ => throw new InvalidOperationException("Unknown type definition."),
            };
            if (!type.IsBuiltIn)
            {
                type.Description ??= description;
                type.AstNode = definition;
            }

            _types[name] = type;
        }
    }

    private void CheckExtensions()
    {
        foreach (var (name, extensions) in _typeExtensions)
        {
            _typeDefinitions.TryGetValue(name, out var definition);
            foreach (var extension in extensions)
            {
                if (definition is null)
                {
                    Error($"Cannot extend type \"{name}\" because it is not defined.", extension.Name);
                    continue;
                }

                var (expected, kind) = ExtensionTarget(extension);
                if (definition.Kind != expected)
                {
                    Error($"Cannot extend non-{kind} type \"{name}\".", definition, extension);
                }
            }
        }
    }

    private static (SyntaxKind Definition, string Kind) ExtensionTarget(TypeExtensionNode extension) => extension switch
    {
        ScalarTypeExtensionNode => (SyntaxKind.ScalarTypeDefinition, "scalar"),
        ObjectTypeExtensionNode => (SyntaxKind.ObjectTypeDefinition, "object"),
        InterfaceTypeExtensionNode => (SyntaxKind.InterfaceTypeDefinition, "interface"),
        UnionTypeExtensionNode => (SyntaxKind.UnionTypeDefinition, "union"),
        EnumTypeExtensionNode => (SyntaxKind.EnumTypeDefinition, "enum"),
        _ => (SyntaxKind.InputObjectTypeDefinition, "input object"),
    };

    private List<T> ExtensionsOf<T>(string name)
        where T : TypeExtensionNode =>
        _typeExtensions.TryGetValue(name, out var list) ? list.OfType<T>().ToList() : [];

    // ---- Types ----------------------------------------------------------------------------------------------------

    private GraphQLType? ResolveType(TypeNode node)
    {
        switch (node)
        {
            case NamedTypeNode named:
                var name = named.Name.Value;
                if (_types.TryGetValue(name, out var type))
                {
                    return type;
                }

                if (BuiltIns.GetScalar(name) is { } scalar)
                {
                    return scalar;
                }

                Error($"Unknown type \"{name}\".", named);
                return null;
            case ListTypeNode list:
                return ResolveType(list.Type) is { } item ? new ListType(item) : null;
            case NonNullTypeNode nonNull:
                return ResolveType(nonNull.Type) is { } inner ? new NonNullType(inner) : null;
            default:
                return null;
        }
    }

    private void FillTypes()
    {
        foreach (var definition in _typeDefinitionOrder)
        {
            var type = _types[definition.Name.Value];
            if (type.IsBuiltIn)
            {
                continue;
            }

            var extensions = _typeExtensions.TryGetValue(definition.Name.Value, out var list)
                ? list.Where(e => ExtensionTarget(e).Definition == definition.Kind).ToList()
                : [];
            type.ExtensionAstNodes = extensions;
            type.Directives = [.. definition.Directives, .. extensions.SelectMany(e => e.Directives)];

            switch (type)
            {
                case ScalarType scalar:
                    var url = GetDirectiveArgument(type.Directives, "specifiedBy", "url") as StringValueNode;
                    if (url is not null && scalar.SpecifiedByUrl is null)
                    {
                        scalar.SpecifiedByUrl = url.Value;
                    }

                    break;
                case ComplexType complex:
                    var complexNodes = new List<IComplexTypeNode> { (IComplexTypeNode)definition };
                    complexNodes.AddRange(extensions.Cast<IComplexTypeNode>());
                    FillComplexType(complex, complexNodes);
                    break;
                case UnionType union:
                    FillUnion(union, [(UnionTypeDefinitionNode)definition, .. extensions.Cast<UnionTypeExtensionNode>()]);
                    break;
                case EnumType enumType:
                    FillEnum(enumType, (EnumTypeDefinitionNode)definition, extensions.Cast<EnumTypeExtensionNode>());
                    break;
                case InputObjectType input:
                    input.IsOneOf = type.Directives.Any(d => d.Name.Value == "oneOf");
                    var fields = ((InputObjectTypeDefinitionNode)definition).Fields
                        .Concat(extensions.Cast<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields));
                    var seen = new Dictionary<string, InputValueDefinitionNode>(StringComparer.Ordinal);
                    foreach (var field in fields)
                    {
                        if (seen.TryGetValue(field.Name.Value, out var first))
                        {
                            Error($"Field \"{input.Name}.{field.Name.Value}\" can only be defined once.", first.Name, field.Name);
                            continue;
                        }

                        seen.Add(field.Name.Value, field);
                        if (BuildInputValue(field) is { } inputField)
                        {
                            input.AddField(inputField);
                        }
                    }

                    break;
            }
        }
    }

    private void FillComplexType(ComplexType type, List<IComplexTypeNode> nodes)
    {
        foreach (var node in nodes)
        {
            foreach (var interfaceNode in node.Interfaces)
            {
                var implemented = ResolveType(interfaceNode);
                if (implemented is InterfaceType interfaceType)
                {
                    type.AddInterface(interfaceType);
                }
                else if (implemented is not null)
                {
                    Error($"Type {type.Name} must only implement Interface types, it cannot implement {implemented}.", interfaceNode);
                }
            }
        }

        var seen = new Dictionary<string, FieldDefinitionNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var fieldNode in node.Fields)
            {
                if (seen.TryGetValue(fieldNode.Name.Value, out var first))
                {
                    Error($"Field \"{type.Name}.{fieldNode.Name.Value}\" can only be defined once.", first.Name, fieldNode.Name);
                    continue;
                }

                seen.Add(fieldNode.Name.Value, fieldNode);
                var fieldType = ResolveType(fieldNode.Type);
                var arguments = BuildArguments($"{type.Name}.{fieldNode.Name.Value}", fieldNode.Arguments);
                if (fieldType is null || arguments is null)
                {
                    continue;
                }

                type.AddField(new FieldDefinition(fieldNode.Name.Value, fieldType, arguments)
                {
                    Description = fieldNode.Description?.Value,
                    DeprecationReason = GetDeprecationReason(fieldNode.Directives),
                    Directives = fieldNode.Directives,
                    AstNode = fieldNode,
                });
            }
        }
    }

    private List<InputValueDefinition>? BuildArguments(string parentName, IReadOnlyList<InputValueDefinitionNode> nodes)
    {
        var arguments = new List<InputValueDefinition>(nodes.Count);
        var complete = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!seen.Add(node.Name.Value))
            {
                Error($"Argument \"{parentName}({node.Name.Value}:)\" can only be defined once.",
                    nodes.First(n => n.Name.Value == node.Name.Value).Name, node.Name);
                continue;
            }

            if (BuildInputValue(node) is { } argument)
            {
                arguments.Add(argument);
            }
            else
            {
                complete = false;
            }
        }

        return complete ? arguments : null;
    }

    private InputValueDefinition? BuildInputValue(InputValueDefinitionNode node)
    {
        var type = ResolveType(node.Type);
        return type is null
            ? null
            : new InputValueDefinition(node.Name.Value, type, node.Description?.Value)
            {
                DefaultValue = node.DefaultValue,
                DeprecationReason = GetDeprecationReason(node.Directives),
                Directives = node.Directives,
                AstNode = node,
            };
    }

    private void FillUnion(UnionType union, IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            var members = node is UnionTypeDefinitionNode d ? d.Types : ((UnionTypeExtensionNode)node).Types;
            foreach (var memberNode in members)
            {
                var member = ResolveType(memberNode);
                if (member is ObjectType objectType)
                {
                    union.AddType(objectType);
                }
                else if (member is not null)
                {
                    Error($"Union type {union.Name} can only include Object types, it cannot include {member}.", memberNode);
                }
            }
        }
    }

    private void FillEnum(EnumType enumType, EnumTypeDefinitionNode definition, IEnumerable<EnumTypeExtensionNode> extensions)
    {
        builder.EnumBindings.TryGetValue(enumType.Name, out var clrEnum);
        var seen = new Dictionary<string, EnumValueDefinitionNode>(StringComparer.Ordinal);
        foreach (var node in definition.Values.Concat(extensions.SelectMany(e => e.Values)))
        {
            if (seen.TryGetValue(node.Name.Value, out var first))
            {
                Error($"Enum value \"{enumType.Name}.{node.Name.Value}\" can only be defined once.", first.Name, node.Name);
                continue;
            }

            seen.Add(node.Name.Value, node);
            object value = node.Name.Value;
            if (clrEnum is not null)
            {
                var match = Enum.GetNames(clrEnum).FirstOrDefault(n =>
                    string.Equals(n, node.Name.Value.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    Error($"Enum value \"{enumType.Name}.{node.Name.Value}\" has no member in the bound .NET enum {clrEnum.Name}.", node);
                }
                else
                {
                    value = Enum.Parse(clrEnum, match);
                }
            }

            enumType.AddValue(new EnumValue(node.Name.Value, node.Description?.Value)
            {
                Value = value,
                DeprecationReason = GetDeprecationReason(node.Directives),
                Directives = node.Directives,
                AstNode = node,
            });
        }
    }

    private static string? GetDeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == "deprecated")
            {
                var reason = directive.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value;
                return reason is StringValueNode s ? s.Value : BuiltIns.DefaultDeprecationReason;
            }
        }

        return null;
    }

    private static ValueNode? GetDirectiveArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value;

    // ---- Directives -----------------------------------------------------------------------------------------------

    private void BuildDirectiveDefinitions()
    {
        foreach (var (name, node) in _directiveDefinitions)
        {
            var arguments = BuildArguments("@" + name, node.Arguments) ?? [];
            var locations = new List<DirectiveLocation>();
            foreach (var location in node.Locations)
            {
                // The parser only accepts known location names.
                LanguageNames.TryParseDirectiveLocation(location.Value, out var parsed);
                locations.Add(parsed);
            }

            // The definition's own reason, else the first extension's (graphql-js 16.15's buildDirective).
            var extensions = _directiveExtensions.GetValueOrDefault(name) ?? [];
            _directives[name] = new DirectiveDefinition(name, locations, arguments, node.Repeatable, node.Description?.Value)
            {
                DeprecationReason = GetDeprecationReason(node.Directives)
                    ?? extensions.Select(e => GetDeprecationReason(e.Directives)).FirstOrDefault(reason => reason is not null),
                AstNode = node,
            };
        }
    }

    private DirectiveDefinition? FindDirective(string name) =>
        _directives.TryGetValue(name, out var custom) ? custom : BuiltIns.Directives.FirstOrDefault(d => d.Name == name);

    /// <summary>KnownDirectives, UniqueDirectivesPerLocation and the directive argument rules, over every SDL node.</summary>
    private void CheckAppliedDirectives()
    {
        var schemaDirectives = new List<DirectiveNode>();
        if (_schemaDefinition is not null)
        {
            schemaDirectives.AddRange(_schemaDefinition.Directives);
        }

        schemaDirectives.AddRange(_schemaExtensions.SelectMany(e => e.Directives));
        CheckDirectives(schemaDirectives, DirectiveLocation.Schema);

        foreach (var definition in _typeDefinitionOrder)
        {
            var extensions = _typeExtensions.TryGetValue(definition.Name.Value, out var list) ? list : [];
            var location = definition switch
            {
                ScalarTypeDefinitionNode => DirectiveLocation.Scalar,
                ObjectTypeDefinitionNode => DirectiveLocation.Object,
                InterfaceTypeDefinitionNode => DirectiveLocation.Interface,
                UnionTypeDefinitionNode => DirectiveLocation.Union,
                EnumTypeDefinitionNode => DirectiveLocation.Enum,
                _ => DirectiveLocation.InputObject,
            };
            CheckDirectives([.. definition.Directives, .. extensions.SelectMany(e => e.Directives)], location);
            CheckMemberDirectives(definition);
            foreach (var extension in extensions)
            {
                CheckMemberDirectives(extension);
            }
        }

        foreach (var extensions in _typeExtensions.Where(e => !_typeDefinitions.ContainsKey(e.Key)).Select(e => e.Value))
        {
            foreach (var extension in extensions)
            {
                CheckDirectives(extension.Directives, ExtensionLocation(extension));
                CheckMemberDirectives(extension);
            }
        }

        foreach (var directive in _directiveDefinitions.Values)
        {
            var extensions = _directiveExtensions.GetValueOrDefault(directive.Name.Value) ?? [];
            CheckDirectives([.. directive.Directives, .. extensions.SelectMany(e => e.Directives)], DirectiveLocation.DirectiveDefinition);
            foreach (var argument in directive.Arguments)
            {
                CheckDirectives(argument.Directives, DirectiveLocation.ArgumentDefinition);
            }
        }

        // Extensions of directives not defined here (built-in or unknown) change nothing, as in graphql-js; their
        // directives are still checked.
        foreach (var extensions in _directiveExtensions.Where(e => !_directiveDefinitions.ContainsKey(e.Key)).Select(e => e.Value))
        {
            CheckDirectives([.. extensions.SelectMany(e => e.Directives)], DirectiveLocation.DirectiveDefinition);
        }
    }

    private static DirectiveLocation ExtensionLocation(TypeExtensionNode extension) => extension switch
    {
        ScalarTypeExtensionNode => DirectiveLocation.Scalar,
        ObjectTypeExtensionNode => DirectiveLocation.Object,
        InterfaceTypeExtensionNode => DirectiveLocation.Interface,
        UnionTypeExtensionNode => DirectiveLocation.Union,
        EnumTypeExtensionNode => DirectiveLocation.Enum,
        _ => DirectiveLocation.InputObject,
    };

    private void CheckMemberDirectives(SyntaxNode node)
    {
        switch (node)
        {
            case IComplexTypeNode complex:
                foreach (var field in complex.Fields)
                {
                    CheckDirectives(field.Directives, DirectiveLocation.FieldDefinition);
                    foreach (var argument in field.Arguments)
                    {
                        CheckDirectives(argument.Directives, DirectiveLocation.ArgumentDefinition);
                    }
                }

                break;
            case EnumTypeDefinitionNode enumDefinition:
                foreach (var value in enumDefinition.Values)
                {
                    CheckDirectives(value.Directives, DirectiveLocation.EnumValue);
                }

                break;
            case EnumTypeExtensionNode enumExtension:
                foreach (var value in enumExtension.Values)
                {
                    CheckDirectives(value.Directives, DirectiveLocation.EnumValue);
                }

                break;
            case InputObjectTypeDefinitionNode input:
                foreach (var field in input.Fields)
                {
                    CheckDirectives(field.Directives, DirectiveLocation.InputFieldDefinition);
                }

                break;
            case InputObjectTypeExtensionNode inputExtension:
                foreach (var field in inputExtension.Fields)
                {
                    CheckDirectives(field.Directives, DirectiveLocation.InputFieldDefinition);
                }

                break;
        }
    }

    private void CheckDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var node in directives)
        {
            var name = node.Name.Value;
            var definition = FindDirective(name);
            if (definition is null)
            {
                Error($"Unknown directive \"@{name}\".", node);
                continue;
            }

            if (!definition.IsAllowedAt(location))
            {
                Error($"Directive \"@{name}\" may not be used on {location.ToSpecName()}.", node);
            }

            if (!definition.IsRepeatable)
            {
                if (seen.TryGetValue(name, out var first))
                {
                    Error($"The directive \"@{name}\" can only be used once at this location.", first, node);
                }
                else
                {
                    seen.Add(name, node);
                }
            }

            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in node.Arguments)
            {
                if (!given.Add(argument.Name.Value))
                {
                    Error($"There can be only one argument named \"{argument.Name.Value}\".",
                        node.Arguments.First(a => a.Name.Value == argument.Name.Value).Name, argument.Name);
                }

                if (definition.GetArgument(argument.Name.Value) is null)
                {
                    Error($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\".", argument);
                }
            }

            foreach (var argument in definition.Arguments)
            {
                if (argument.IsRequired && !given.Contains(argument.Name))
                {
                    Error($"Directive \"@{name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                        node);
                }
            }
        }
    }

    // ---- Root types and bindings ------------------------------------------------------------------------------------

    private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) ResolveRootTypes()
    {
        var roots = new NamedType?[3];
        var rootNodes = new OperationTypeDefinitionNode?[3];
        var operationTypes = (_schemaDefinition?.OperationTypes ?? []).Concat(_schemaExtensions.SelectMany(e => e.OperationTypes));
        foreach (var node in operationTypes)
        {
            var index = (int)node.Operation;
            if (rootNodes[index] is { } existing)
            {
                Error($"There can be only one {node.Operation.ToKeyword()} type in schema.", existing, node);
                continue;
            }

            rootNodes[index] = node;
            roots[index] = ResolveType(node.Type) as NamedType;
        }

        if (_schemaDefinition is null)
        {
            string[] defaults = ["Query", "Mutation", "Subscription"];
            for (var i = 0; i < 3; i++)
            {
                if (rootNodes[i] is null && _types.TryGetValue(defaults[i], out var type))
                {
                    roots[i] = type;
                }
            }
        }

        var result = new ObjectType?[3];
        string[] labels = ["Query root type must be Object type, it cannot be",
            "Mutation root type must be Object type if provided, it cannot be",
            "Subscription root type must be Object type if provided, it cannot be"];
        for (var i = 0; i < 3; i++)
        {
            if (roots[i] is ObjectType obj)
            {
                result[i] = obj;
            }
            else if (roots[i] is { } other)
            {
                Error($"{labels[i]} {other}.", (SyntaxNode?)rootNodes[i]?.Type ?? other.AstNode);
            }
        }

        return (result[0], result[1], result[2]);
    }

    private void ApplyBindings(ObjectType? subscription)
    {
        foreach (var (typeName, binding) in builder.TypeBindings)
        {
            if (_types.GetValueOrDefault(typeName) is not ComplexType complex)
            {
                Errors.Add(new GraphQLError($"Cannot bind {binding.ClrType.Name} to \"{typeName}\": no object or interface type has that name."));
                continue;
            }

            if (complex is ObjectType obj && obj.ClrType is null)
            {
                obj.ClrType = binding.ClrType;
            }

            foreach (var field in complex.Fields)
            {
                if (field.Resolver is null
                    && binding.CreateResolver(field, Errors, ReferenceEquals(complex, subscription)) is { } resolver)
                {
                    field.Resolver = resolver;
                }
            }
        }

        foreach (var ((typeName, fieldName), resolver) in builder.Resolvers)
        {
            if ((_types.GetValueOrDefault(typeName) as ComplexType)?.GetField(fieldName) is { } field)
            {
                field.Resolver = resolver;
            }
            else
            {
                Errors.Add(new GraphQLError($"Cannot bind a resolver to \"{typeName}.{fieldName}\": there is no such field."));
            }
        }

        foreach (var (fieldName, subscriber) in builder.Subscribers)
        {
            if (subscription?.GetField(fieldName) is { } field)
            {
                field.Subscriber = subscriber;
            }
            else
            {
                Errors.Add(new GraphQLError($"Cannot bind a subscription to \"{fieldName}\": the subscription type has no such field."));
            }
        }

        foreach (var (typeName, resolver) in builder.TypeResolvers)
        {
            switch (_types.GetValueOrDefault(typeName))
            {
                case InterfaceType interfaceType:
                    interfaceType.ResolveType = resolver;
                    break;
                case UnionType union:
                    union.ResolveType = resolver;
                    break;
                default:
                    Errors.Add(new GraphQLError($"Cannot bind a type resolver to \"{typeName}\": it is not an interface or union."));
                    break;
            }
        }

        foreach (var typeName in builder.EnumBindings.Keys)
        {
            if (_types.GetValueOrDefault(typeName) is not EnumType)
            {
                Errors.Add(new GraphQLError($"Cannot bind an enum to \"{typeName}\": it is not an enum type."));
            }
        }
    }
}
