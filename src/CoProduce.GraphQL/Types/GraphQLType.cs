using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>The kind of a type; matches introspection's <c>__TypeKind</c>.</summary>
public enum TypeKind : byte
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>
/// Any GraphQL type: a named type or a list/non-null wrapper. Wrappers compare structurally
/// (<c>[Int!]</c> equals another <c>[Int!]</c>); named types compare by reference, since a schema holds exactly one
/// instance per name.
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    /// <summary>The type as written in GraphQL, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public override TypeKind Kind => TypeKind.List;

    public GraphQLType OfType { get; } = ofType;

    public override string ToString() => $"[{OfType}]";

    public override bool Equals(object? obj) => obj is ListType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(TypeKind.List, OfType);
}

/// <summary><c>T!</c>. The inner type is never itself non-null.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public override TypeKind Kind => TypeKind.NonNull;

    public GraphQLType OfType { get; }

    public override string ToString() => $"{OfType}!";

    public override bool Equals(object? obj) => obj is NonNullType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(TypeKind.NonNull, OfType);
}

/// <summary>A scalar, object, interface, union, enum or input object type.</summary>
public abstract class NamedType : GraphQLType
{
    private IReadOnlyList<DirectiveNode> _directives = [];
    private IReadOnlyList<TypeExtensionNode> _extensionAstNodes = [];

    private protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; set => SetOnce(ref field, value); }

    /// <summary>Directives applied to this type in the SDL (definition and extensions), in source order.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get => _directives; set => SetOnce(ref _directives, value); }

    /// <summary>The definition this type was built from, when built from SDL.</summary>
    public TypeDefinitionNode? AstNode { get; set => SetOnce(ref field, value); }

    /// <summary>The <c>extend</c> definitions applied to this type, when built from SDL.</summary>
    public IReadOnlyList<TypeExtensionNode> ExtensionAstNodes
    {
        get => _extensionAstNodes;
        set => SetOnce(ref _extensionAstNodes, value);
    }

    /// <summary>True once the type belongs to a <see cref="Schema"/>; it can no longer change.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Built-in scalars and introspection types are shared by every schema.</summary>
    public bool IsBuiltIn { get; internal init; }

    public override string ToString() => Name;

    internal virtual void Freeze() => IsFrozen = true;

    private protected void ThrowIfFrozen()
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException($"Type \"{Name}\" belongs to a schema and can no longer change.");
        }
    }

    private protected void SetOnce<T>(ref T slot, T value)
    {
        ThrowIfFrozen();
        slot = value;
    }
}
