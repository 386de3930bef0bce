using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>Everything one request's execution shares: schema, plan, variables, host state and the error list.</summary>
internal sealed class ExecutionState(
    OperationPlan plan,
    IReadOnlyDictionary<string, object?> variables,
    object? rootValue,
    IServiceProvider? services,
    IDictionary<string, object?>? items,
    ExecutionOptions options,
    CancellationToken cancellationToken)
{
    private List<GraphQLError>? _errors;
    private IDictionary<string, object?>? _items = items;
    private bool _itemsReady;

    public OperationPlan Plan { get; } = plan;

    public Schema Schema => Plan.Document.Schema;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public object? RootValue { get; } = rootValue;

    public IServiceProvider? Services { get; } = services;

    public ExecutionOptions Options { get; } = options;

    /// <summary>
    /// The token resolvers see and execution checks: the request's, linked to <c>ExecutionTimeout</c> if set. While a
    /// committed mutation field's selection completes it is <see cref="RequestCancellationToken"/> instead.
    /// </summary>
    public CancellationToken CancellationToken { get; private set; } = cancellationToken;

    /// <summary>The caller's token alone, without the execution time limit (default: the same as <see cref="CancellationToken"/>).</summary>
    public CancellationToken RequestCancellationToken { get; init; } = cancellationToken;

    /// <summary>The token with the time limit, kept while <see cref="CancellationToken"/> is the request's alone.</summary>
    public CancellationToken DeadlineToken { get; } = cancellationToken;

    /// <summary>A root mutation field's resolver has returned: its selection completes whatever the time limit.</summary>
    public void EnterCommittedField() => CancellationToken = RequestCancellationToken;

    /// <summary>Before the next root mutation field: the time limit applies again.</summary>
    public void LeaveCommittedField() => CancellationToken = DeadlineToken;

    public bool IsMutation => Plan.Operation.Operation == OperationType.Mutation;

    public DataLoaderScheduler Scheduler { get; } = new();

    /// <summary>Set while executing a subscription event: root fields without resolver take the event itself.</summary>
    public bool IsSubscriptionEvent { get; init; }

    public IDictionary<string, object?> Items
    {
        get
        {
            var items = _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            if (!_itemsReady)
            {
                // This request's scheduler, even when the host reuses an Items dictionary.
                lock (items)
                {
                    items[DataLoaderScheduler.ItemsKey] = Scheduler;
                }

                _itemsReady = true;
            }

            return items;
        }
    }

    public IReadOnlyList<GraphQLError> Errors => _errors is null ? [] : _errors;

    public void AddError(GraphQLError error)
    {
        var errors = _errors ?? Interlocked.CompareExchange(ref _errors, [], null) ?? _errors;
        lock (errors)
        {
            errors.Add(error);
        }
    }
}

/// <summary>
/// A response path made only when needed: either one already made (or the root, null), or a list item's path
/// (list path and index) allocated on first use and then shared by the item's fields.
/// </summary>
internal struct LazyPath
{
    private readonly ResponsePath? _list;
    private readonly int _index;
    private ResponsePath? _path;

    public LazyPath(ResponsePath? path)
    {
        _path = path;
        _index = -1;
    }

    public LazyPath(ResponsePath list, int index)
    {
        _list = list;
        _index = index;
    }

    /// <summary>True at the operation's root (no path).</summary>
    public readonly bool IsRoot => _index < 0 && _path is null;

    public ResponsePath? Get() => _index < 0 ? _path : _path ??= new ResponsePath(_list, _index);
}

/// <summary>An error travelling up to the nearest nullable position (spec 6.4.4), where it is recorded.</summary>
internal sealed class FieldError(GraphQLError error)
{
    public GraphQLError Error { get; } = error;
}

/// <summary>
/// Executes operations (spec section 6): fields concurrently for queries when resolvers are asynchronous, serially
/// for mutations; value completion with null propagation. Synchronous resolvers complete without allocating tasks.
/// </summary>
internal static class Executor
{
    private static readonly ConditionalWeakTable<NamedType, ConcurrentDictionary<Type, ObjectType?>> s_runtimeTypes = new();

    public static async ValueTask<ExecutionResult> ExecuteAsync(ExecutionState state)
    {
        var rootPlan = state.Plan.GetRootPlan(state.Variables);
        ValueTask<object?> root;
        var previousContext = SynchronizationContext.Current;

        // Resolvers must not capture a caller's synchronization context: continuations run inline so that data
        // loader batching sees whole levels of the query.
        if (previousContext is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        state.Scheduler.Enter();
        try
        {
            root = state.Plan.Operation.Operation == OperationType.Mutation
                ? ExecuteFieldsSerially(state, rootPlan, state.RootValue)
                : ExecuteFields(state, rootPlan, state.RootValue, null);
        }
        finally
        {
            state.Scheduler.Leave();
            if (previousContext is not null)
            {
                SynchronizationContext.SetSynchronizationContext(previousContext);
            }
        }

        var data = root.IsCompletedSuccessfully ? root.Result : await root.ConfigureAwait(false);
        if (data is FieldError error)
        {
            state.AddError(error.Error);
            data = null;
        }

        return new ExecutionResult { Data = data as ResultMap, HasData = true, Errors = state.Errors };
    }

    public static ValueTask<object?> ExecuteFields(ExecutionState state, SelectionPlan plan, object? source, ResponsePath? path) =>
        ExecuteFields(state, plan, source, new LazyPath(path));

    /// <summary>
    /// Executes the fields of one object. <paramref name="path"/> is the object's path, allocated only if a field
    /// needs it (an error, a resolver's context, a sub-object): list items of leaf-only objects never do.
    /// </summary>
    private static ValueTask<object?> ExecuteFields(ExecutionState state, SelectionPlan plan, object? source, LazyPath path)
    {
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        ValueTask<object?>[]? pending = null;
        for (var i = 0; i < fields.Length; i++)
        {
            var task = ExecuteField(state, fields[i], source, ref path);
            if (task.IsCompletedSuccessfully)
            {
                var value = task.Result;
                if (value is FieldError && pending is null)
                {
                    // As graphql-js: the first error that nulls this object ends its execution.
                    return new ValueTask<object?>(value);
                }

                values[i] = value;
            }
            else
            {
                pending ??= new ValueTask<object?>[fields.Length];
                pending[i] = task;
                values[i] = s_pendingMarker;
            }
        }

        return pending is null
            ? new ValueTask<object?>(new ResultMap(plan.Keys, values))
            : AwaitFields(plan, values, pending);
    }

    private static readonly object s_pendingMarker = new();

    private static async ValueTask<object?> AwaitFields(SelectionPlan plan, object?[] values, ValueTask<object?>[] pending)
    {
        FieldError? first = null;
        Exception? failure = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], s_pendingMarker))
            {
                try
                {
                    values[i] = await pending[i].ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Only cancellation escapes fields; keep awaiting siblings so nothing runs after the response.
                    failure ??= e;
                }
            }

            if (values[i] is FieldError error)
            {
                first ??= error;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfoThrow(failure);
        }

        return first is not null ? first : new ResultMap(plan.Keys, values);
    }

    private static async ValueTask<object?> ExecuteFieldsSerially(ExecutionState state, SelectionPlan plan, object? source)
    {
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            state.LeaveCommittedField();
            if (i > 0 && state.DeadlineToken.IsCancellationRequested && !state.RequestCancellationToken.IsCancellationRequested)
            {
                // Earlier root fields have committed: keep their results; this one and later ones do not run.
                var timedOut = HandleError(state, fields[i].ReturnType, Locate(TimeoutError(state.Options), fields[i], null));
                if (timedOut is FieldError)
                {
                    return timedOut;
                }

                values[i] = timedOut;
                continue;
            }

            var root = new LazyPath(null);
            object? value;
            try
            {
                var task = ExecuteField(state, fields[i], source, ref root);
                value = task.IsCompletedSuccessfully ? task.Result : await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (i > 0 && state.DeadlineToken.IsCancellationRequested
                && !state.RequestCancellationToken.IsCancellationRequested)
            {
                // This field's resolver gave up at the time limit; the fields before it have committed.
                value = HandleError(state, fields[i].ReturnType, Locate(TimeoutError(state.Options), fields[i], null));
            }

            if (value is FieldError)
            {
                return value;
            }

            values[i] = value;
        }

        return new ResultMap(plan.Keys, values);
    }

    private static ValueTask<object?> ExecuteField(ExecutionState state, FieldPlan field, object? source, ref LazyPath parent)
    {
        if (field.IsTypeName)
        {
            return new ValueTask<object?>(field.ParentType.Name);
        }

        state.CancellationToken.ThrowIfCancellationRequested();
        object? result;
        if (field.Resolver is { } resolver)
        {
            var arguments = field.GetArguments(state.Variables, out var argumentError);
            if (argumentError is not null || arguments is null)
            {
                return new ValueTask<object?>(HandleError(state, field.ReturnType,
                    Locate(argumentError ?? new GraphQLError(GraphQLMessages.ArgumentsInvalid.With()), field, parent.Get())));
            }

            if (field.SourceReader is { } read)
            {
                // Same answer as the resolver (null source gives null), without a context or a path per field.
                try
                {
                    result = source is null ? null : read(source, arguments);
                }
                catch (Exception e) when (!IsAbort(state, e))
                {
                    return new ValueTask<object?>(HandleError(state, field.ReturnType,
                        FromException(state, e, field, new ResponsePath(parent.Get(), field.ResponseKey))));
                }

                return CompleteField(state, field, result, ref parent);
            }

            var parentPath = parent.Get();
            var path = new ResponsePath(parentPath, field.ResponseKey);
            ValueTask<object?> task;
            try
            {
                task = resolver(new ResolveFieldContext(state, field, source, arguments, path));
            }
            catch (Exception e) when (!IsAbort(state, e))
            {
                return new ValueTask<object?>(HandleError(state, field.ReturnType, FromException(state, e, field, path)));
            }

            if (!task.IsCompletedSuccessfully)
            {
                return AwaitResolver(state, field, task, parentPath);
            }

            result = task.Result;
            EnterIfCommitted(state, parentPath);
        }
        else
        {
            if (field.HasArguments)
            {
                field.GetArguments(state.Variables, out var argumentError);
                if (argumentError is not null)
                {
                    return new ValueTask<object?>(HandleError(state, field.ReturnType, Locate(argumentError, field, parent.Get())));
                }
            }

            try
            {
                result = state.IsSubscriptionEvent && parent.IsRoot ? source : DefaultResolver.Resolve(source, field);
            }
            catch (Exception e) when (!IsAbort(state, e))
            {
                return new ValueTask<object?>(HandleError(state, field.ReturnType,
                    FromException(state, e, field, new ResponsePath(parent.Get(), field.ResponseKey))));
            }
        }

        return CompleteField(state, field, result, ref parent);
    }

    private static async ValueTask<object?> AwaitResolver(
        ExecutionState state,
        FieldPlan field,
        ValueTask<object?> task,
        ResponsePath? parentPath)
    {
        object? result;
        try
        {
            result = await new SegmentAwaitable(task, state.Scheduler);
        }
        catch (Exception e) when (!IsAbort(state, e))
        {
            return HandleError(state, field.ReturnType,
                FromException(state, e, field, new ResponsePath(parentPath, field.ResponseKey)));
        }

        EnterIfCommitted(state, parentPath);

        var parent = new LazyPath(parentPath);
        var completed = CompleteField(state, field, result, ref parent);
        return completed.IsCompletedSuccessfully ? completed.Result : await completed.ConfigureAwait(false);
    }

    private static ValueTask<object?> CompleteField(ExecutionState state, FieldPlan field, object? result, ref LazyPath parent)
    {
        if (result is Task pendingTask)
        {
            return AwaitTaskResult(state, field, pendingTask, parent.Get());
        }

        if (result is JsonElement json)
        {
            result = FromJsonElement(json);
        }

        if (field.LeafType is { } leaf)
        {
            if (result is null)
            {
                return new ValueTask<object?>(field.ReturnType is NonNullType
                    ? new FieldError(NonNullError(field, new ResponsePath(parent.Get(), field.ResponseKey)))
                    : null);
            }

            if (result.GetType() == field.IdentityLeafType && (result is not double number || double.IsFinite(number)))
            {
                // A built-in scalar given its own CLR type (a string for String…) serializes to the value itself.
                return new ValueTask<object?>(result);
            }

            var serialized = SerializeLeaf(state, field, leaf, result, ref parent, field.ResponseKey);
            return new ValueTask<object?>(serialized is FieldError error ? HandleError(state, field.ReturnType, error.Error) : serialized);
        }

        var path = new ResponsePath(parent.Get(), field.ResponseKey);
        var task = CompleteValue(state, field, field.ReturnType, result, path);
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>(HandleResult(state, field.ReturnType, task.Result));
        }

        return AwaitCompletion(state, field.ReturnType, task);
    }

    private static async ValueTask<object?> AwaitTaskResult(ExecutionState state, FieldPlan field, Task task, ResponsePath? parentPath)
    {
        object? result;
        try
        {
            await task.ConfigureAwait(false);
            result = TaskResult(task);
        }
        catch (Exception e) when (!IsAbort(state, e))
        {
            return HandleError(state, field.ReturnType,
                FromException(state, e, field, new ResponsePath(parentPath, field.ResponseKey)));
        }

        var parent = new LazyPath(parentPath);
        var completed = CompleteField(state, field, result, ref parent);
        return completed.IsCompletedSuccessfully ? completed.Result : await completed.ConfigureAwait(false);
    }

    private static object? TaskResult(Task task)
    {
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } property ? property.GetValue(task) : null;
    }

    private static async ValueTask<object?> AwaitCompletion(ExecutionState state, GraphQLType type, ValueTask<object?> task) =>
        HandleResult(state, type, await task.ConfigureAwait(false));

    /// <summary>At a position of <paramref name="type"/>: records an arriving error when the position is nullable.</summary>
    private static object? HandleResult(ExecutionState state, GraphQLType type, object? value)
    {
        if (value is FieldError error && type is not NonNullType)
        {
            state.AddError(error.Error);
            return null;
        }

        return value;
    }

    private static object? HandleError(ExecutionState state, GraphQLType type, GraphQLError error)
    {
        if (type is NonNullType)
        {
            return new FieldError(error);
        }

        state.AddError(error);
        return null;
    }

    private static ValueTask<object?> CompleteValue(
        ExecutionState state,
        FieldPlan field,
        GraphQLType type,
        object? result,
        ResponsePath path)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(state, field, nonNull.OfType, result, path);
            if (inner.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(inner.Result ?? new FieldError(NonNullError(field, path)));
            }

            return AwaitNonNull(field, inner, path);
        }

        if (result is JsonElement json)
        {
            result = FromJsonElement(json);
        }

        if (result is null)
        {
            return default;
        }

        try
        {
            switch (type)
            {
                case ListType list:
                    return CompleteList(state, field, list, result, path);
                case ScalarType or EnumType:
                    var leafParent = new LazyPath(path.Parent);
                    return new ValueTask<object?>(SerializeLeaf(state, field, (NamedType)type, result, ref leafParent,
                        path.Key, path.Index));
                case ObjectType objectType:
                    return CompleteObject(state, field, objectType, result, path);
                default:
                    var runtimeType = ResolveRuntimeType(state, field, (NamedType)type, result, path, out var error);
                    return runtimeType is null
                        ? new ValueTask<object?>(new FieldError(error!)) // error is set when no type was resolved
                        : CompleteObject(state, field, runtimeType, result, path);
            }
        }
        catch (Exception e) when (!IsAbort(state, e))
        {
            return new ValueTask<object?>(new FieldError(FromException(state, e, field, path)));
        }
    }

    private static async ValueTask<object?> AwaitNonNull(FieldPlan field, ValueTask<object?> inner, ResponsePath path) =>
        await inner.ConfigureAwait(false) ?? new FieldError(NonNullError(field, path));

    private static ValueTask<object?> CompleteObject(
        ExecutionState state,
        FieldPlan field,
        ObjectType objectType,
        object result,
        ResponsePath path)
    {
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result))
        {
            return new ValueTask<object?>(new FieldError(Located(
                GraphQLMessages.WrongObjectType.With(objectType.Name, Inspect.Value(result)), field, path)));
        }

        var plan = field.GetSubPlan(objectType, state.Variables);
        return ExecuteFields(state, plan, result, path);
    }

    private static ValueTask<object?> CompleteList(
        ExecutionState state,
        FieldPlan field,
        ListType listType,
        object result,
        ResponsePath path)
    {
        if (result is string || result is IDictionary || result is not IEnumerable enumerable)
        {
            return new ValueTask<object?>(new FieldError(Located(
                GraphQLMessages.NotIterable.With(field.ParentType.Name, field.Definition.Name),
                field, path)));
        }

        var itemType = listType.OfType;
        var leaf = itemType.GetNullableType() is NamedType named && named.IsLeafType() ? named : null;
        var objectItems = itemType.GetNullableType() as ObjectType;
        var listPath = new LazyPath(path);
        // A collection's count is known: fill the result array in place instead of a list copied at the end.
        var sized = result is ICollection collection ? new object?[collection.Count] : null;
        var values = sized is null ? new List<object?>() : null;
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var index = 0;
        foreach (var item in enumerable)
        {
            object? value;
            if (leaf is not null)
            {
                var element = item is JsonElement json ? FromJsonElement(json) : item;
                value = element is null
                    ? (itemType is NonNullType ? new FieldError(NonNullError(field, new ResponsePath(path, index))) : null)
                    : SerializeLeaf(state, field, leaf, element, ref listPath, null, index);
                value = HandleResult(state, itemType, value);
            }
            else
            {
                // Items of an object type: the item's path is made only if one of its fields needs it.
                var task = objectItems is not null && item is not null and not JsonElement
                    ? CompleteListObject(state, field, objectItems, item, path, index)
                    : CompleteValue(state, field, itemType, item, new ResponsePath(path, index));
                if (task.IsCompletedSuccessfully)
                {
                    value = HandleResult(state, itemType, task.Result);
                }
                else
                {
                    (pending ??= []).Add((index, task));
                    value = null;
                }
            }

            if (value is FieldError && pending is null)
            {
                return new ValueTask<object?>(value);
            }

            if (sized is not null && index < sized.Length)
            {
                sized[index] = value;
            }
            else
            {
                // Not sized, or a collection that yields more than its Count said: carry on in a list.
                values ??= [.. sized!];
                values.Add(value);
            }

            index++;
        }

        object?[] array;
        if (values is not null)
        {
            array = [.. values];
        }
        else
        {
            array = sized!; // values is null only while the sized array holds every item
            if (index < array.Length)
            {
                Array.Resize(ref array, index); // yielded fewer than its Count
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(array);
        }

        return AwaitList(state, itemType, array, pending);
    }

    /// <summary>
    /// <see cref="CompleteValue"/> for a non-null item of an object type (an executed object is never null, so the
    /// non-null check is not needed), with the item's path left to be made on demand.
    /// </summary>
    private static ValueTask<object?> CompleteListObject(
        ExecutionState state,
        FieldPlan field,
        ObjectType objectType,
        object item,
        ResponsePath listPath,
        int index)
    {
        try
        {
            if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(item))
            {
                return new ValueTask<object?>(new FieldError(Located(
                    GraphQLMessages.WrongObjectType.With(objectType.Name, Inspect.Value(item)), field,
                    new ResponsePath(listPath, index))));
            }

            var plan = field.GetSubPlan(objectType, state.Variables);
            return ExecuteFields(state, plan, item, new LazyPath(listPath, index));
        }
        catch (Exception e) when (!IsAbort(state, e))
        {
            return new ValueTask<object?>(new FieldError(FromException(state, e, field, new ResponsePath(listPath, index))));
        }
    }

    private static async ValueTask<object?> AwaitList(
        ExecutionState state,
        GraphQLType itemType,
        object?[] values,
        List<(int Index, ValueTask<object?> Task)> pending)
    {
        Exception? failure = null;
        foreach (var (index, task) in pending)
        {
            try
            {
                values[index] = HandleResult(state, itemType, await task.ConfigureAwait(false));
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfoThrow(failure);
        }

        foreach (var value in values)
        {
            if (value is FieldError)
            {
                return value;
            }
        }

        return values;
    }

    /// <summary>
    /// The CLR type a built-in scalar serializes to itself unchanged (String and ID: string, Boolean: bool, Int: int,
    /// Float: a finite double), so that execution can skip calling it; null for other leaf types.
    /// </summary>
    internal static Type? IdentityType(NamedType type) =>
        ReferenceEquals(type, BuiltIns.String) || ReferenceEquals(type, BuiltIns.ID) ? typeof(string)
        : ReferenceEquals(type, BuiltIns.Boolean) ? typeof(bool)
        : ReferenceEquals(type, BuiltIns.Int) ? typeof(int)
        : ReferenceEquals(type, BuiltIns.Float) ? typeof(double)
        : null;

    /// <summary>Output coercion of a non-null leaf value; a <see cref="FieldError"/> when it cannot be represented.</summary>
    private static object? SerializeLeaf(
        ExecutionState state,
        FieldPlan field,
        NamedType type,
        object value,
        ref LazyPath parent,
        string? key,
        int index = -1)
    {
        CoercionResult result;
        try
        {
            result = type is EnumType enumType ? enumType.Serialize(value) : ((ScalarType)type).Serialize(value);
        }
        catch (Exception e) when (!IsAbort(state, e))
        {
            return new FieldError(FromException(state, e, field, PathOf(parent.Get(), key, index)));
        }

        if (result.IsError)
        {
            return new FieldError(Located(result.Reason, field, PathOf(parent.Get(), key, index)));
        }

        if (result.Value is null)
        {
            return new FieldError(Located(
                GraphQLMessages.SerializeReturnedNull.With(type.Name, Inspect.Value(value)),
                field, PathOf(parent.Get(), key, index)));
        }

        return result.Value;
    }

    /// <summary>JSON sources: objects stay elements (the default resolver reads them), arrays enumerate, scalars unwrap.</summary>
    private static object? FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element,
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => ValueCoercion.FromJson(element),
    };

    private static ResponsePath PathOf(ResponsePath? parent, string? key, int index) =>
        key is not null ? new ResponsePath(parent, key) : new ResponsePath(parent, index);

    private static ObjectType? ResolveRuntimeType(
        ExecutionState state,
        FieldPlan field,
        NamedType abstractType,
        object value,
        ResponsePath path,
        out GraphQLError? error)
    {
        error = null;
        var schema = state.Schema;
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };

        ObjectType? runtimeType = null;
        string? runtimeName = null;
        if (resolver is not null)
        {
            var context = new ResolveFieldContext(state, field, value, s_emptyArguments, path);
            runtimeType = resolver(value, context);
            runtimeName = runtimeType?.Name;
        }
        else if (TypeNameOf(value) is { } typeName)
        {
            runtimeName = typeName;
        }
        else
        {
            foreach (var possible in schema.GetPossibleTypes(abstractType))
            {
                if (possible.IsTypeOf is { } isTypeOf && isTypeOf(value))
                {
                    runtimeType = possible;
                    break;
                }
            }

            runtimeType ??= ByClrType(schema, abstractType, value.GetType());
            runtimeName = runtimeType?.Name;
        }

        if (runtimeName is null)
        {
            error = Located(
                GraphQLMessages.AbstractTypeUnresolved.With(abstractType.Name, field.ParentType.Name, field.Definition.Name),
                field, path);
            return null;
        }

        var named = runtimeType is not null && ReferenceEquals(schema.GetType(runtimeType.Name), runtimeType)
            ? runtimeType
            : schema.GetType(runtimeName);
        if (named is null)
        {
            error = Located(
                GraphQLMessages.AbstractTypeMissing.With(abstractType.Name, runtimeName),
                field, path);
            return null;
        }

        if (named is not ObjectType objectType)
        {
            error = Located(GraphQLMessages.AbstractTypeNotObject.With(abstractType.Name, runtimeName), field, path);
            return null;
        }

        if (!schema.IsPossibleType(abstractType, objectType))
        {
            error = Located(GraphQLMessages.NotPossibleType.With(objectType.Name, abstractType.Name), field, path);
            return null;
        }

        return objectType;
    }

    private static readonly IReadOnlyDictionary<string, object?> s_emptyArguments =
        new Dictionary<string, object?>(0, StringComparer.Ordinal);

    private static string? TypeNameOf(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> d => d.TryGetValue("__typename", out var n) ? n as string : null,
        IDictionary<string, object?> d => d.TryGetValue("__typename", out var n) ? n as string : null,
        JsonElement { ValueKind: JsonValueKind.Object } json =>
            json.TryGetProperty("__typename", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null,
        _ => null,
    };

    /// <summary>The possible type bound to the value's CLR type (or named like it); cached per abstract and CLR type.</summary>
    private static ObjectType? ByClrType(Schema schema, NamedType abstractType, Type clrType)
    {
        var cache = s_runtimeTypes.GetValue(abstractType, static _ => new ConcurrentDictionary<Type, ObjectType?>());
        return cache.GetOrAdd(clrType, static (type, arg) =>
        {
            var (schema, abstractType) = arg;
            var possibleTypes = schema.GetPossibleTypes(abstractType);
            foreach (var possible in possibleTypes)
            {
                if (possible.ClrType is { } bound && bound.IsAssignableFrom(type))
                {
                    return possible;
                }
            }

            foreach (var possible in possibleTypes)
            {
                if (possible.Name == type.Name)
                {
                    return possible;
                }
            }

            return null;
        }, (schema, abstractType));
    }

    /// <summary>
    /// A root mutation field's resolver has returned (its change is made): the time limit no longer applies to its
    /// selection, so a committed change is never answered with a timeout.
    /// </summary>
    private static void EnterIfCommitted(ExecutionState state, ResponsePath? parentPath)
    {
        if (parentPath is null && state.IsMutation && !state.IsSubscriptionEvent)
        {
            state.EnterCommittedField();
        }
    }

    /// <summary>The <c>EXECUTION_TIMEOUT</c> error (the request, or a root mutation field not run).</summary>
    internal static GraphQLError TimeoutError(ExecutionOptions options) =>
        new(GraphQLMessages.Timeout.With(
            (options.ExecutionTimeout ?? TimeSpan.Zero).TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Extensions = ErrorCodes.Of(ErrorCodes.Timeout),
        };

    private static GraphQLError NonNullError(FieldPlan field, ResponsePath path) =>
        Located(GraphQLMessages.NonNullField.With(field.ParentType.Name, field.Definition.Name), field, path);

    private static GraphQLError Located(GraphQLMessage message, FieldPlan field, ResponsePath path) =>
        GraphQLError.At(message, field.Nodes) with { Path = path.ToList() };

    private static GraphQLError Locate(GraphQLError error, FieldPlan field, ResponsePath? parentPath)
    {
        var path = new ResponsePath(parentPath, field.ResponseKey).ToList();
        return error.Locations.Count > 0
            ? error with { Path = path }
            : error with { Locations = GraphQLError.LocationsOf(field.Nodes), Path = path };
    }

    internal static GraphQLError FromException(ExecutionState state, Exception exception, FieldPlan field, ResponsePath path)
    {
        var error = ErrorOf(state.Options, exception) with { Locations = GraphQLError.LocationsOf(field.Nodes), Path = path.ToList() };
        return exception is GraphQLException graphQLException
            ? error with { Extensions = graphQLException.BuildExtensions() }
            : Unexpected(state.Options, exception, error);
    }

    /// <summary>Passes an error made from an unexpected exception through the host's handler, if any.</summary>
    internal static GraphQLError Unexpected(ExecutionOptions options, Exception exception, GraphQLError error) =>
        options.UnexpectedErrorHandler is { } handler && exception is not GraphQLException ? handler(exception, error) : error;

    /// <summary>A resolver's exception as an error: its own message (not the engine's), or "Unexpected error." when masked.</summary>
    internal static GraphQLError ErrorOf(ExecutionOptions options, Exception exception) =>
        exception is GraphQLException || !options.MaskUnexpectedErrors
            ? new GraphQLError(exception.Message)
            : new GraphQLError(GraphQLMessages.UnexpectedError.With());

    /// <summary>Cancellation of the request (or its time limit) aborts execution instead of failing one field.</summary>
    private static bool IsAbort(ExecutionState state, Exception exception) =>
        exception is OperationCanceledException && state.CancellationToken.IsCancellationRequested;

    private static void ExceptionDispatchInfoThrow(Exception exception) =>
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
}
