namespace CoProduce.GraphQL.Language;

// Type system definitions and extensions (the SDL).

/// <summary>A schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode(Location location) : DefinitionNode(location);

/// <summary>A schema or type extension (<c>extend ...</c>).</summary>
public abstract class TypeSystemExtensionNode(Location location) : DefinitionNode(location);

/// <summary><c>"description" schema @dir { query: Query }</c>.</summary>
public sealed class SchemaDefinitionNode(
    StringValueNode? description,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<OperationTypeDefinitionNode> operationTypes,
    Location location = default) : TypeSystemDefinitionNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;

    public StringValueNode? Description { get; } = description;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;
}

/// <summary><c>extend schema @dir { mutation: Mutation }</c>.</summary>
public sealed class SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<OperationTypeDefinitionNode> operationTypes,
    Location location = default) : TypeSystemExtensionNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; } = operationTypes;
}

/// <summary><c>query: Query</c> inside a schema definition.</summary>
public sealed class OperationTypeDefinitionNode(OperationType operation, NamedTypeNode type, Location location = default)
    : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; } = operation;

    public NamedTypeNode Type { get; } = type;
}

/// <summary>Any named type definition.</summary>
public abstract class TypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    Location location) : TypeSystemDefinitionNode(location), IHasDirectivesNode
{
    public StringValueNode? Description { get; } = description;

    public NameNode Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary>Any named type extension.</summary>
public abstract class TypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location)
    : TypeSystemExtensionNode(location), IHasDirectivesNode
{
    public NameNode Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>scalar Name @dir</c>.</summary>
public sealed class ScalarTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;
}

/// <summary><c>extend scalar Name @dir</c>.</summary>
public sealed class ScalarTypeExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default)
    : TypeExtensionNode(name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;
}

/// <summary>Shared shape of object and interface type definitions.</summary>
public interface IComplexTypeNode : IHasDirectivesNode
{
    NameNode Name { get; }

    IReadOnlyList<NamedTypeNode> Interfaces { get; }

    IReadOnlyList<FieldDefinitionNode> Fields { get; }
}

/// <summary><c>type Name implements A &amp; B @dir { fields }</c>.</summary>
public sealed class ObjectTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<NamedTypeNode> interfaces,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<FieldDefinitionNode> fields,
    Location location = default) : TypeDefinitionNode(description, name, directives, location), IComplexTypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>extend type Name implements A @dir { fields }</c>.</summary>
public sealed class ObjectTypeExtensionNode(
    NameNode name,
    IReadOnlyList<NamedTypeNode> interfaces,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<FieldDefinitionNode> fields,
    Location location = default) : TypeExtensionNode(name, directives, location), IComplexTypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>"description" name(args): Type @dir</c> in an object or interface.</summary>
public sealed class FieldDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<InputValueDefinitionNode> arguments,
    TypeNode type,
    IReadOnlyList<DirectiveNode> directives,
    Location location = default) : SyntaxNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; } = description;

    public NameNode Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    public TypeNode Type { get; } = type;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary>An argument definition or an input object field: <c>"description" name: Type = default @dir</c>.</summary>
public sealed class InputValueDefinitionNode(
    StringValueNode? description,
    NameNode name,
    TypeNode type,
    ValueNode? defaultValue,
    IReadOnlyList<DirectiveNode> directives,
    Location location = default) : SyntaxNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; } = description;

    public NameNode Name { get; } = name;

    public TypeNode Type { get; } = type;

    /// <summary>A constant value, or null when there is no default.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>interface Name implements A @dir { fields }</c>.</summary>
public sealed class InterfaceTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<NamedTypeNode> interfaces,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<FieldDefinitionNode> fields,
    Location location = default) : TypeDefinitionNode(description, name, directives, location), IComplexTypeNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>extend interface Name implements A @dir { fields }</c>.</summary>
public sealed class InterfaceTypeExtensionNode(
    NameNode name,
    IReadOnlyList<NamedTypeNode> interfaces,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<FieldDefinitionNode> fields,
    Location location = default) : TypeExtensionNode(name, directives, location), IComplexTypeNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; } = interfaces;

    public IReadOnlyList<FieldDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>union Name @dir = A | B</c>.</summary>
public sealed class UnionTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<NamedTypeNode> types,
    Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}

/// <summary><c>extend union Name @dir = C</c>.</summary>
public sealed class UnionTypeExtensionNode(
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<NamedTypeNode> types,
    Location location = default) : TypeExtensionNode(name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public IReadOnlyList<NamedTypeNode> Types { get; } = types;
}

/// <summary><c>enum Name @dir { VALUES }</c>.</summary>
public sealed class EnumTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<EnumValueDefinitionNode> values,
    Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}

/// <summary><c>extend enum Name @dir { VALUES }</c>.</summary>
public sealed class EnumTypeExtensionNode(
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<EnumValueDefinitionNode> values,
    Location location = default) : TypeExtensionNode(name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; } = values;
}

/// <summary><c>"description" VALUE @dir</c>.</summary>
public sealed class EnumValueDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    Location location = default) : SyntaxNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; } = description;

    public NameNode Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>input Name @dir { fields }</c>.</summary>
public sealed class InputObjectTypeDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<InputValueDefinitionNode> fields,
    Location location = default) : TypeDefinitionNode(description, name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>extend input Name @dir { fields }</c>.</summary>
public sealed class InputObjectTypeExtensionNode(
    NameNode name,
    IReadOnlyList<DirectiveNode> directives,
    IReadOnlyList<InputValueDefinitionNode> fields,
    Location location = default) : TypeExtensionNode(name, directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; } = fields;
}

/// <summary><c>"description" directive @name(args) repeatable on LOCATION | LOCATION</c>.</summary>
public sealed class DirectiveDefinitionNode(
    StringValueNode? description,
    NameNode name,
    IReadOnlyList<InputValueDefinitionNode> arguments,
    bool repeatable,
    IReadOnlyList<NameNode> locations,
    Location location = default) : TypeSystemDefinitionNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    public StringValueNode? Description { get; } = description;

    public NameNode Name { get; } = name;

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; } = arguments;

    /// <summary>Directives between the arguments and <c>repeatable</c>; only parsed under
    /// <see cref="ParserOptions.AllowDirectivesOnDirectiveDefinitions"/> (graphql-js 16.15, not in the spec).</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public bool Repeatable { get; } = repeatable;

    /// <summary>The locations as written (names such as <c>FIELD</c>, each with its own location).</summary>
    public IReadOnlyList<NameNode> Locations { get; } = locations;
}

/// <summary>
/// <c>extend directive @old @deprecated(reason: "Use @new")</c>: directives applied to an existing directive
/// definition. Not in the September 2025 spec; parsed only under
/// <see cref="ParserOptions.AllowDirectivesOnDirectiveDefinitions"/>, as graphql-js 16.15 parses it only under
/// <c>experimentalDirectivesOnDirectiveDefinitions</c>.
/// </summary>
public sealed class DirectiveExtensionNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default)
    : TypeSystemExtensionNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveExtension;

    public NameNode Name { get; } = name;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
