using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>Produces a field's value. Synchronous resolvers return a completed <see cref="ValueTask{T}"/>.</summary>
public delegate ValueTask<object?> FieldResolver(IResolveFieldContext context);

/// <summary>Produces the source stream of a subscription root field.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(IResolveFieldContext context);

/// <summary>Picks the object type of a value of an interface or union type; null when it cannot tell.</summary>
public delegate ObjectType? TypeResolver(object value, IResolveFieldContext context);

/// <summary>
/// What a resolver sees. Execution implements it; the members here are the binding point resolvers rely on.
/// </summary>
public interface IResolveFieldContext
{
    /// <summary>The parent value (the root value for root fields).</summary>
    object? Source { get; }

    /// <summary>The coerced argument values, by argument name (absent arguments without defaults are missing).</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition FieldDefinition { get; }

    /// <summary>The object type the field is being resolved on.</summary>
    ObjectType ParentType { get; }

    /// <summary>The field nodes merged into this response key (at least one).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    Schema Schema { get; }

    /// <summary>Services for the request (dependency injection), when the host provides them.</summary>
    IServiceProvider? Services { get; }

    /// <summary>Signalled when the request is aborted.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Per-request state shared by all resolvers (user, data loaders...).</summary>
    IDictionary<string, object?> Items { get; }
}
