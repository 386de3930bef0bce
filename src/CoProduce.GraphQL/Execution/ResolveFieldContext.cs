using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>A response path: field names and list indices from the root, as a linked list built while executing.</summary>
public sealed class ResponsePath
{
    internal ResponsePath(ResponsePath? parent, string key)
    {
        Parent = parent;
        Key = key;
        Index = -1;
    }

    internal ResponsePath(ResponsePath? parent, int index)
    {
        Parent = parent;
        Index = index;
    }

    public ResponsePath? Parent { get; }

    /// <summary>The response key, or null for a list index.</summary>
    public string? Key { get; }

    /// <summary>The list index, or -1 for a response key.</summary>
    public int Index { get; }

    /// <summary>The path from the root: strings and ints, as the response's <c>path</c> array.</summary>
    public IReadOnlyList<object> ToList()
    {
        var depth = 0;
        for (var p = this; p is not null; p = p.Parent)
        {
            depth++;
        }

        var segments = new object[depth];
        var i = depth - 1;
        for (var p = this; p is not null; p = p.Parent)
        {
            segments[i--] = p.Key is { } key ? key : p.Index;
        }

        return segments;
    }

    public override string ToString() => string.Join(".", ToList());
}

/// <summary>The executor's <see cref="IResolveFieldContext"/>, with the response path and operation as extras.</summary>
public sealed class ResolveFieldContext : IResolveFieldContext
{
    private readonly ExecutionState _execution;
    private readonly FieldPlan _field;

    internal ResolveFieldContext(
        ExecutionState execution,
        FieldPlan field,
        object? source,
        IReadOnlyDictionary<string, object?> arguments,
        ResponsePath path)
    {
        _execution = execution;
        _field = field;
        Source = source;
        Arguments = arguments;
        Path = path;
    }

    public object? Source { get; }

    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public FieldDefinition FieldDefinition => _field.Definition;

    public ObjectType ParentType => _field.ParentType;

    public IReadOnlyList<FieldNode> FieldNodes => _field.Nodes;

    public Schema Schema => _execution.Schema;

    public IServiceProvider? Services => _execution.Services;

    public CancellationToken CancellationToken => _execution.CancellationToken;

    public IDictionary<string, object?> Items => _execution.Items;

    /// <summary>Where this field's value goes in the response.</summary>
    public ResponsePath Path { get; }

    /// <summary>The field's response key (its alias, or its name).</summary>
    public string ResponseKey => _field.ResponseKey;

    public GraphQLType ReturnType => _field.ReturnType;

    /// <summary>The coerced variable values of the operation.</summary>
    public IReadOnlyDictionary<string, object?> Variables => _execution.Variables;

    public OperationDefinitionNode Operation => _execution.Plan.Operation;

    public object? RootValue => _execution.RootValue;

    /// <summary>The argument <paramref name="name"/> as <typeparamref name="T"/>, or <paramref name="defaultValue"/> when absent or null.</summary>
    public T? GetArgument<T>(string name, T? defaultValue = default) =>
        Arguments.TryGetValue(name, out var value) && value is not null ? ArgumentConverter.Convert<T>(value) : defaultValue;
}

/// <summary>Converts coerced argument values (ints, doubles, lists, dictionaries) to the CLR types resolvers ask for.</summary>
internal static class ArgumentConverter
{
    public static T? Convert<T>(object value)
    {
        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string name)
        {
            return (T)Enum.Parse(target, name, ignoreCase: true);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return (T)System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (target == typeof(Guid) && value is string s)
        {
            return (T)(object)Guid.Parse(s);
        }

        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {typeof(T).Name}.");
    }
}
