namespace CoProduce.GraphQL.Language;

// The syntax tree. Every node is immutable, carries its Location, and exposes its children as read-only lists
// (never null: absent parts are empty lists). Node names follow graphql-js (FieldNode, NamedTypeNode...) so the
// runtime type system in CoProduce.GraphQL.Types can use the plain names (ObjectType, FieldDefinition...).

/// <summary>The base of every syntax node.</summary>
public abstract class SyntaxNode(Location location)
{
    public abstract SyntaxKind Kind { get; }

    public Location Location { get; } = location;

    /// <summary>The node printed as GraphQL text.</summary>
    public override string ToString() => Printer.Print(this);
}

/// <summary>Nodes that can carry applied directives.</summary>
public interface IHasDirectivesNode
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A name, e.g. a field, type or argument name.</summary>
public sealed class NameNode(string value, Location location = default) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Name;

    public string Value { get; } = value;
}

/// <summary>A whole document: executable definitions, type system definitions, or both.</summary>
public sealed class DocumentNode(IReadOnlyList<DefinitionNode> definitions, Location location = default)
    : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    public IReadOnlyList<DefinitionNode> Definitions { get; } = definitions;

    /// <summary>How many tokens the lexer produced for this document (0 for documents built in code).</summary>
    public int TokenCount { get; init; }
}

/// <summary>Any top-level definition.</summary>
public abstract class DefinitionNode(Location location) : SyntaxNode(location);

/// <summary>An operation or a fragment definition.</summary>
public abstract class ExecutableDefinitionNode(
    StringValueNode? description,
    NameNode? name,
    IReadOnlyList<VariableDefinitionNode> variableDefinitions,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet,
    Location location) : DefinitionNode(location), IHasDirectivesNode
{
    /// <summary>Executable descriptions are new in the September 2025 spec.</summary>
    public StringValueNode? Description { get; } = description;

    public NameNode? Name { get; } = name;

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; } = variableDefinitions;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;

    public SelectionSetNode SelectionSet { get; } = selectionSet;
}

/// <summary><c>query Name($v: T) @dir { ... }</c>, or the shorthand <c>{ ... }</c>.</summary>
public sealed class OperationDefinitionNode(
    OperationType operation,
    NameNode? name,
    IReadOnlyList<VariableDefinitionNode> variableDefinitions,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet,
    Location location = default,
    StringValueNode? description = null)
    : ExecutableDefinitionNode(description, name, variableDefinitions, directives, selectionSet, location)
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public OperationType Operation { get; } = operation;
}

/// <summary><c>fragment Name on Type @dir { ... }</c>.</summary>
public sealed class FragmentDefinitionNode(
    NameNode name,
    NamedTypeNode typeCondition,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet,
    Location location = default,
    StringValueNode? description = null)
    : ExecutableDefinitionNode(description, name, [], directives, selectionSet, location)
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    /// <summary>Never null for fragments.</summary>
    public new NameNode Name { get; } = name;

    public NamedTypeNode TypeCondition { get; } = typeCondition;
}

/// <summary><c>$name: Type = default @dir</c>.</summary>
public sealed class VariableDefinitionNode(
    VariableNode variable,
    TypeNode type,
    ValueNode? defaultValue,
    IReadOnlyList<DirectiveNode> directives,
    Location location = default,
    StringValueNode? description = null) : SyntaxNode(location), IHasDirectivesNode
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public StringValueNode? Description { get; } = description;

    public VariableNode Variable { get; } = variable;

    public TypeNode Type { get; } = type;

    /// <summary>A constant value, or null when there is no default.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>{ selections }</c>.</summary>
public sealed class SelectionSetNode(IReadOnlyList<SelectionNode> selections, Location location = default)
    : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; } = selections;
}

/// <summary>A field, fragment spread or inline fragment.</summary>
public abstract class SelectionNode(IReadOnlyList<DirectiveNode> directives, Location location)
    : SyntaxNode(location), IHasDirectivesNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}

/// <summary><c>alias: name(args) @dir { ... }</c>.</summary>
public sealed class FieldNode(
    NameNode? alias,
    NameNode name,
    IReadOnlyList<ArgumentNode> arguments,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode? selectionSet,
    Location location = default) : SelectionNode(directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; } = alias;

    public NameNode Name { get; } = name;

    /// <summary>The key this field's value has in the response: the alias when present, else the name.</summary>
    public string ResponseKey => (Alias ?? Name).Value;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;

    public SelectionSetNode? SelectionSet { get; } = selectionSet;
}

/// <summary><c>...Name @dir</c>.</summary>
public sealed class FragmentSpreadNode(NameNode name, IReadOnlyList<DirectiveNode> directives, Location location = default)
    : SelectionNode(directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public NameNode Name { get; } = name;
}

/// <summary><c>... on Type @dir { ... }</c>; the type condition is optional.</summary>
public sealed class InlineFragmentNode(
    NamedTypeNode? typeCondition,
    IReadOnlyList<DirectiveNode> directives,
    SelectionSetNode selectionSet,
    Location location = default) : SelectionNode(directives, location)
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; } = typeCondition;

    public SelectionSetNode SelectionSet { get; } = selectionSet;
}

/// <summary><c>name: value</c> in a field or directive.</summary>
public sealed class ArgumentNode(NameNode name, ValueNode value, Location location = default) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public NameNode Name { get; } = name;

    public ValueNode Value { get; } = value;
}

/// <summary><c>@name(args)</c>.</summary>
public sealed class DirectiveNode(NameNode name, IReadOnlyList<ArgumentNode> arguments, Location location = default)
    : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public NameNode Name { get; } = name;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
}

// ---- Values ----------------------------------------------------------------------------------------------------

/// <summary>Any input value literal, or a variable.</summary>
public abstract class ValueNode(Location location) : SyntaxNode(location);

/// <summary><c>$name</c>.</summary>
public sealed class VariableNode(NameNode name, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public NameNode Name { get; } = name;
}

/// <summary>An integer literal, kept as written (coercion decides the range).</summary>
public sealed class IntValueNode(string value, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public string Value { get; } = value;
}

/// <summary>A float literal, kept as written.</summary>
public sealed class FloatValueNode(string value, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public string Value { get; } = value;
}

/// <summary>A string literal; <see cref="Value"/> is the cooked value (escapes resolved, block strings dedented).</summary>
public sealed class StringValueNode(string value, bool block = false, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public string Value { get; } = value;

    /// <summary>True when written as a <c>"""block string"""</c>.</summary>
    public bool Block { get; } = block;
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode(bool value, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; } = value;
}

/// <summary><c>null</c>.</summary>
public sealed class NullValueNode(Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}

/// <summary>An enum literal such as <c>RED</c>.</summary>
public sealed class EnumValueNode(string value, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public string Value { get; } = value;
}

/// <summary><c>[a, b]</c>.</summary>
public sealed class ListValueNode(IReadOnlyList<ValueNode> values, Location location = default) : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public IReadOnlyList<ValueNode> Values { get; } = values;
}

/// <summary><c>{ a: 1, b: 2 }</c>.</summary>
public sealed class ObjectValueNode(IReadOnlyList<ObjectFieldNode> fields, Location location = default)
    : ValueNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public IReadOnlyList<ObjectFieldNode> Fields { get; } = fields;
}

/// <summary><c>name: value</c> inside an object value.</summary>
public sealed class ObjectFieldNode(NameNode name, ValueNode value, Location location = default) : SyntaxNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public NameNode Name { get; } = name;

    public ValueNode Value { get; } = value;
}

// ---- Type references -------------------------------------------------------------------------------------------

/// <summary>A type reference: <c>Name</c>, <c>[T]</c> or <c>T!</c>.</summary>
public abstract class TypeNode(Location location) : SyntaxNode(location);

/// <summary>A reference to a named type.</summary>
public sealed class NamedTypeNode(NameNode name, Location location = default) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public NameNode Name { get; } = name;
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListTypeNode(TypeNode type, Location location = default) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public TypeNode Type { get; } = type;
}

/// <summary><c>T!</c>; the inner type is never itself non-null.</summary>
public sealed class NonNullTypeNode(TypeNode type, Location location = default) : TypeNode(location)
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public TypeNode Type { get; } = type;
}
