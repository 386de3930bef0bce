using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// Type system validation (spec section 3 "Type Validation"), rule for rule and message for message as graphql-js 16's
/// <c>validateSchema</c>: root types, directive definitions, names, fields, interface implementation (including
/// transitive interfaces and covariance), unions, enums, input objects, <c>@oneOf</c> and non-null input cycles.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly Schema _schema;
    private readonly List<GraphQLError> _errors = [];

    private SchemaValidator(Schema schema) => _schema = schema;

    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var validator = new SchemaValidator(schema);
        validator.ValidateRootTypes();
        validator.ValidateDirectives();
        validator.ValidateTypes();
        return validator._errors;
    }

    private void Error(string message, params ReadOnlySpan<SyntaxNode?> nodes) => _errors.Add(GraphQLError.At(message, nodes));

    private void ValidateRootTypes()
    {
        if (_schema.QueryType is null)
        {
            Error("Query root type must be provided.", _schema.AstNode);
        }

        // The spec requires distinct root types (graphql-js 17 checks this; 16 does not).
        OperationType[] operations = [OperationType.Query, OperationType.Mutation, OperationType.Subscription];
        foreach (var group in operations.Where(o => _schema.GetRootType(o) is not null).GroupBy(o => _schema.GetRootType(o)))
        {
            var shared = group.ToList();
            if (shared.Count > 1)
            {
                var names = shared.Select(o => o.ToKeyword()).ToList();
                var list = names.Count == 2 ? $"{names[0]} and {names[1]}" : $"{names[0]}, {names[1]}, and {names[2]}";
                // Key is non-null: the Where above keeps only provided roots.
                Error($"All root types must be different, \"{group.Key!.Name}\" type is used as {list} root types.",
                    [.. shared.Select(OperationTypeNode)]);
            }
        }
    }

    private SyntaxNode? OperationTypeNode(OperationType operation) =>
        new[] { _schema.AstNode?.OperationTypes ?? [] }
            .Concat(_schema.ExtensionAstNodes.Select(e => e.OperationTypes))
            .SelectMany(list => list)
            .FirstOrDefault(node => node.Operation == operation)?.Type;

    private void ValidateDirectives()
    {
        foreach (var directive in _schema.Directives)
        {
            ValidateName(directive.Name, directive.AstNode);
            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode);
                if (!argument.Type.IsInputType())
                {
                    Error($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type);
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    Error($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.",
                        DeprecatedDirective(argument.AstNode), argument.AstNode?.Type);
                }
            }
        }
    }

    private void ValidateName(string name, SyntaxNode? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            Error($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private void ValidateTypes()
    {
        var visitedInputTypes = new HashSet<InputObjectType>();
        foreach (var type in _schema.Types)
        {
            if (!IsIntrospectionType(type))
            {
                ValidateName(type.Name, type.AstNode);
            }

            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex);
                    ValidateInterfaces(complex);
                    break;
                case UnionType union:
                    ValidateUnionMembers(union);
                    break;
                case EnumType enumType:
                    ValidateEnumValues(enumType);
                    break;
                case InputObjectType input:
                    ValidateInputFields(input);
                    DetectInputCycles(input, visitedInputTypes, [], new Dictionary<InputObjectType, int>());
                    break;
            }
        }
    }

    // Introspection types are named __Schema, __Type... and are exempt from the naming rule.
    private static bool IsIntrospectionType(NamedType type) => type.IsBuiltIn && type.Name.StartsWith("__", StringComparison.Ordinal);

    private SyntaxNode?[] TypeNodes(NamedType type) => [type.AstNode, .. type.ExtensionAstNodes];

    private void ValidateFields(ComplexType type)
    {
        if (type.Fields.Count == 0)
        {
            Error($"Type {type.Name} must define one or more fields.", TypeNodes(type));
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, field.AstNode);
            if (!field.Type.IsOutputType())
            {
                Error($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode);
                if (!argument.Type.IsInputType())
                {
                    Error($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type);
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    Error($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.",
                        DeprecatedDirective(argument.AstNode), argument.AstNode?.Type);
                }
            }
        }
    }

    private void ValidateInterfaces(ComplexType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var implemented in type.Interfaces)
        {
            if (ReferenceEquals(type, implemented))
            {
                Error($"Type {type.Name} cannot implement itself because it would create a circular reference.",
                    ImplementsNodes(type, implemented));
                continue;
            }

            if (!seen.Add(implemented.Name))
            {
                Error($"Type {type.Name} can only implement {implemented.Name} once.", ImplementsNodes(type, implemented));
                continue;
            }

            ValidateTypeImplementsAncestors(type, implemented);
            ValidateTypeImplementsInterface(type, implemented);
        }
    }

    private void ValidateTypeImplementsInterface(ComplexType type, InterfaceType implemented)
    {
        foreach (var interfaceField in implemented.Fields)
        {
            var fieldName = interfaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                Error($"Interface field {implemented.Name}.{fieldName} expected but {type.Name} does not provide it.",
                    [interfaceField.AstNode, .. TypeNodes(type)]);
                continue;
            }

            if (!_schema.IsTypeSubTypeOf(typeField.Type, interfaceField.Type))
            {
                Error($"Interface field {implemented.Name}.{fieldName} expects type {interfaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    interfaceField.AstNode?.Type, typeField.AstNode?.Type);
            }

            foreach (var interfaceArgument in interfaceField.Arguments)
            {
                var typeArgument = typeField.GetArgument(interfaceArgument.Name);
                if (typeArgument is null)
                {
                    Error($"Interface field argument {implemented.Name}.{fieldName}({interfaceArgument.Name}:) expected but {type.Name}.{fieldName} does not provide it.",
                        interfaceArgument.AstNode, typeField.AstNode);
                    continue;
                }

                if (!TypeExtensions.IsEqualType(interfaceArgument.Type, typeArgument.Type))
                {
                    Error($"Interface field argument {implemented.Name}.{fieldName}({interfaceArgument.Name}:) expects type {interfaceArgument.Type} but {type.Name}.{fieldName}({interfaceArgument.Name}:) is type {typeArgument.Type}.",
                        interfaceArgument.AstNode?.Type, typeArgument.AstNode?.Type);
                }
            }

            foreach (var typeArgument in typeField.Arguments)
            {
                if (interfaceField.GetArgument(typeArgument.Name) is null && typeArgument.IsRequired)
                {
                    Error($"Argument \"{type.Name}.{fieldName}({typeArgument.Name}:)\" must not be required type \"{typeArgument.Type}\" if not provided by the Interface field \"{implemented.Name}.{fieldName}\".",
                        typeArgument.AstNode, interfaceField.AstNode);
                }
            }
        }
    }

    private void ValidateTypeImplementsAncestors(ComplexType type, InterfaceType implemented)
    {
        foreach (var transitive in implemented.Interfaces)
        {
            if (!type.Interfaces.Contains(transitive))
            {
                Error(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {implemented.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {implemented.Name}.",
                    [.. ImplementsNodes(implemented, transitive), .. ImplementsNodes(type, implemented)]);
            }
        }
    }

    private static SyntaxNode?[] ImplementsNodes(ComplexType type, InterfaceType implemented) =>
        [.. AllComplexNodes(type).SelectMany(n => n.Interfaces).Where(i => i.Name.Value == implemented.Name)];

    private static IEnumerable<IComplexTypeNode> AllComplexNodes(NamedType type) =>
        new SyntaxNode?[] { type.AstNode }.Concat(type.ExtensionAstNodes).OfType<IComplexTypeNode>();

    private void ValidateUnionMembers(UnionType union)
    {
        if (union.Types.Count == 0)
        {
            Error($"Union type {union.Name} must define one or more member types.", TypeNodes(union));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.Types)
        {
            if (!seen.Add(member.Name))
            {
                var memberNodes = new SyntaxNode?[] { union.AstNode }.Concat(union.ExtensionAstNodes)
                    .SelectMany(n => n switch
                    {
                        UnionTypeDefinitionNode d => d.Types,
                        UnionTypeExtensionNode e => e.Types,
                        _ => [],
                    })
                    .Where(t => t.Name.Value == member.Name);
                Error($"Union type {union.Name} can only include type {member.Name} once.", [.. memberNodes]);
            }
        }
    }

    private void ValidateEnumValues(EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            Error($"Enum type {enumType.Name} must define one or more values.", TypeNodes(enumType));
        }

        foreach (var value in enumType.Values)
        {
            ValidateName(value.Name, value.AstNode);
        }
    }

    private void ValidateInputFields(InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            Error($"Input Object type {input.Name} must define one or more fields.", TypeNodes(input));
        }

        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, field.AstNode);
            if (!field.Type.IsInputType())
            {
                Error($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                Error($"Required input field {input.Name}.{field.Name} cannot be deprecated.",
                    DeprecatedDirective(field.AstNode), field.AstNode?.Type);
            }

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    Error($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                }

                if (field.HasDefaultValue)
                {
                    Error($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    /// <summary>
    /// Reports cycles of non-null input object fields, which no finite value could satisfy (graphql-js's
    /// <c>createInputObjectCircularRefsValidator</c>, same traversal so the same cycles are reported).
    /// </summary>
    private void DetectInputCycles(
        InputObjectType input, HashSet<InputObjectType> visited, List<InputValueDefinition> path, Dictionary<InputObjectType, int> pathIndex)
    {
        if (!visited.Add(input))
        {
            return;
        }

        pathIndex[input] = path.Count;
        foreach (var field in input.Fields)
        {
            if (field.Type is NonNullType { OfType: InputObjectType fieldType })
            {
                path.Add(field);
                if (pathIndex.TryGetValue(fieldType, out var cycleIndex))
                {
                    var cycle = path.GetRange(cycleIndex, path.Count - cycleIndex);
                    Error($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join('.', cycle.Select(f => f.Name))}\".",
                        [.. cycle.Select(f => (SyntaxNode?)f.AstNode)]);
                }
                else
                {
                    DetectInputCycles(fieldType, visited, path, pathIndex);
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        pathIndex.Remove(input);
    }

    private static DirectiveNode? DeprecatedDirective(IHasDirectivesNode? node) =>
        node?.Directives.FirstOrDefault(d => d.Name.Value == "deprecated");
}
