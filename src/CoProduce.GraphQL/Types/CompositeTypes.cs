namespace CoProduce.GraphQL.Types;

/// <summary>An object or interface type: something with fields that can implement interfaces.</summary>
public abstract class ComplexType : NamedType
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<InterfaceType> _interfaces = [];

    private protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in definition order (the order introspection and printing use).</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    /// <summary>The interfaces this type declares it implements, in definition order.</summary>
    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    /// <summary>Field lookup by name (declared fields only; <c>__typename</c> and friends are on <see cref="Schema"/>).</summary>
    public FieldDefinition? GetField(string name) => _fieldsByName.TryGetValue(name, out var field) ? field : null;

    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldDefinition? field) =>
        _fieldsByName.TryGetValue(name, out field);

    /// <summary>True when this type declares (directly) that it implements <paramref name="interfaceType"/>.</summary>
    public bool Implements(InterfaceType interfaceType) => _interfaces.Contains(interfaceType);

    /// <summary>Adds a field; a second field with the same name is kept in <see cref="Fields"/> for validation to report.</summary>
    public void AddField(FieldDefinition field)
    {
        ThrowIfFrozen();
        if (field.DeclaringType is not null && field.DeclaringType != this)
        {
            throw new InvalidOperationException($"Field \"{field.Name}\" already belongs to \"{field.DeclaringType.Name}\".");
        }

        field.DeclaringType = this;
        _fields.Add(field);
        _fieldsByName.TryAdd(field.Name, field);
    }

    public void AddInterface(InterfaceType interfaceType)
    {
        ThrowIfFrozen();
        _interfaces.Add(interfaceType);
    }

    internal void ThrowIfFrozenInternal() => ThrowIfFrozen();
}

/// <summary>An object type.</summary>
public sealed class ObjectType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// The .NET type whose instances are values of this GraphQL type, when known (set by convention binding).
    /// Execution may use it to resolve abstract types.
    /// </summary>
    public Type? ClrType { get; set => SetOnce(ref field, value); }

    /// <summary>Optional test that a .NET value is of this type, for resolving abstract types.</summary>
    public Func<object, bool>? IsTypeOf { get; set => SetOnce(ref field, value); }
}

/// <summary>An interface type; may itself implement interfaces.</summary>
public sealed class InterfaceType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Picks the concrete object type of a value; null leaves it to execution's default strategy.</summary>
    public TypeResolver? ResolveType { get; set => SetOnce(ref field, value); }
}

/// <summary>A union of object types.</summary>
public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    private readonly List<ObjectType> _types = [];

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types => _types;

    /// <summary>Picks the concrete object type of a value; null leaves it to execution's default strategy.</summary>
    public TypeResolver? ResolveType { get; set => SetOnce(ref field, value); }

    public void AddType(ObjectType type)
    {
        ThrowIfFrozen();
        _types.Add(type);
    }
}

/// <summary>An input object type.</summary>
public sealed class InputObjectType(string name, string? description = null) : NamedType(name, description)
{
    private readonly List<InputValueDefinition> _fields = [];
    private readonly Dictionary<string, InputValueDefinition> _fieldsByName = new(StringComparer.Ordinal);

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    /// <summary>True when marked <c>@oneOf</c>: exactly one field must be given, and it must not be null.</summary>
    public bool IsOneOf { get; set => SetOnce(ref field, value); }

    /// <summary>The .NET type arguments of this type are converted to, when known (set by convention binding).</summary>
    public Type? ClrType { get; set => SetOnce(ref field, value); }

    public InputValueDefinition? GetField(string name) => _fieldsByName.TryGetValue(name, out var f) ? f : null;

    public void AddField(InputValueDefinition inputField)
    {
        ThrowIfFrozen();
        _fields.Add(inputField);
        _fieldsByName.TryAdd(inputField.Name, inputField);
    }
}
