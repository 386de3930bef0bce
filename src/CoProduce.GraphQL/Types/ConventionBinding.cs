using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace CoProduce.GraphQL.Types;

/// <summary>
/// Binds the public members of a .NET type to the fields of a GraphQL type by name. All reflection happens when the
/// schema is built: each resolver holds a cached <see cref="MethodInvoker"/> and per-parameter binders.
/// </summary>
internal sealed class ConventionBinding(Type clrType, object? instance)
{
    private object? _singleton;

    public Type ClrType { get; } = clrType;

    /// <summary>
    /// The resolver for a field, or null to leave it to the default resolver. On the subscription root
    /// (<paramref name="isSubscriptionRoot"/>) a member returning <c>IAsyncEnumerable&lt;T&gt;</c> (possibly inside a
    /// Task or ValueTask) becomes the field's source stream, and each event then resolves to itself.
    /// </summary>
    public FieldResolver? CreateResolver(FieldDefinition field, List<GraphQLError> errors, bool isSubscriptionRoot = false)
    {
        var pascal = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
        string[] candidates = [pascal, "Get" + pascal, pascal + "Async", "Get" + pascal + "Async"];
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.IgnoreCase;
        foreach (var candidate in candidates)
        {
            var members = ClrType.GetMember(candidate, MemberTypes.Method | MemberTypes.Property, flags)
                .Where(m => m.DeclaringType != typeof(object) && !(m is MethodInfo { IsSpecialName: true }))
                .ToList();
            if (members.Count == 0)
            {
                continue;
            }

            if (members.Count > 1)
            {
                errors.Add(new GraphQLError(
                    $"Cannot bind \"{field.DeclaringType?.Name}.{field.Name}\" to {ClrType.Name}: {members.Count} members are named {candidate}."));
                return null;
            }

            var method = members[0] switch
            {
                PropertyInfo property => property.GetMethod,
                MethodInfo m => m,
                _ => null,
            };
            if (method is null || method.IsGenericMethodDefinition)
            {
                errors.Add(new GraphQLError(
                    $"Cannot bind \"{field.DeclaringType?.Name}.{field.Name}\" to {ClrType.Name}.{candidate}: it is not a readable property or a non-generic method."));
                return null;
            }

            var resolver = CreateResolver(field, method, errors);
            if (resolver is not null && isSubscriptionRoot && ResultAdapters.StreamElementType(method.ReturnType) is { } elementType)
            {
                var toStream = ResultAdapters.ForStream(elementType);
                field.Subscriber = async context => toStream(await resolver(context).ConfigureAwait(false));
                return static context => new ValueTask<object?>(context.Source);
            }

            return resolver;
        }

        return null;
    }

    private FieldResolver? CreateResolver(FieldDefinition field, MethodInfo method, List<GraphQLError> errors)
    {
        var parameters = method.GetParameters();
        var binders = new Func<IResolveFieldContext, object?>[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var binder = CreateParameterBinder(field, parameters[i]);
            if (binder is null)
            {
                errors.Add(new GraphQLError(
                    $"Cannot bind parameter \"{parameters[i].Name}\" of {ClrType.Name}.{method.Name} for \"{field.DeclaringType?.Name}.{field.Name}\"."));
                return null;
            }

            binders[i] = binder;
        }

        var invoker = MethodInvoker.Create(method);
        var isStatic = method.IsStatic;
        var complete = ResultAdapters.For(method.ReturnType);
        return CreateInvoker(binders, invoker, isStatic, complete);
    }

    private FieldResolver CreateInvoker(
        Func<IResolveFieldContext, object?>[] binders, MethodInvoker invoker, bool isStatic, Func<object?, ValueTask<object?>> complete)
    {
        return context =>
        {
            var target = isStatic ? null : GetTarget(context);
            object? result;
            if (binders.Length == 0)
            {
                result = invoker.Invoke(target);
            }
            else
            {
                var arguments = new object?[binders.Length];
                for (var i = 0; i < binders.Length; i++)
                {
                    arguments[i] = binders[i](context);
                }

                result = invoker.Invoke(target, arguments.AsSpan());
            }

            return complete(result);
        };
    }

    private static Func<IResolveFieldContext, object?>? CreateParameterBinder(FieldDefinition field, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return static c => c.CancellationToken;
        }

        if (type == typeof(IResolveFieldContext))
        {
            return static c => c;
        }

        var argument = field.Arguments.FirstOrDefault(a => string.Equals(a.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (argument is not null)
        {
            var name = argument.Name;
            var fallback = parameter.HasDefaultValue ? parameter.DefaultValue : null;
            return c => c.Arguments.TryGetValue(name, out var value) ? ValueConverter.Convert(value, type) : fallback;
        }

        if (parameter.Name is "parent" or "source")
        {
            return c => ValueConverter.Convert(c.Source, type);
        }

        if (type.IsPrimitive || type == typeof(string))
        {
            return null;
        }

        return c => c.Services?.GetService(type)
            ?? throw new InvalidOperationException($"No service of type {type.Name} is available to resolve \"{c.FieldDefinition}\".");
    }

    private object GetTarget(IResolveFieldContext context)
    {
        if (context.Source is { } source && ClrType.IsInstanceOfType(source))
        {
            return source;
        }

        return instance
            ?? context.Services?.GetService(ClrType)
            ?? LazyInitializer.EnsureInitialized(ref _singleton, () => Activator.CreateInstance(ClrType)
                ?? throw new InvalidOperationException($"Cannot create {ClrType.Name}."));
    }
}

/// <summary>Turns whatever a member returned (a value, Task, Task&lt;T&gt;, ValueTask&lt;T&gt;...) into the resolver result.</summary>
internal static class ResultAdapters
{
    // The three methods exist below; nameof keeps the lookups honest.
    private static readonly MethodInfo s_awaitTask = typeof(ResultAdapters).GetMethod(nameof(AwaitTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_awaitValueTask = typeof(ResultAdapters).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_boxStream = typeof(ResultAdapters).GetMethod(nameof(BoxStream), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The T of IAsyncEnumerable&lt;T&gt;, Task&lt;IAsyncEnumerable&lt;T&gt;&gt; or ValueTask&lt;IAsyncEnumerable&lt;T&gt;&gt;; null otherwise.</summary>
    public static Type? StreamElementType(Type returnType)
    {
        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>)
            || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            returnType = returnType.GetGenericArguments()[0];
        }

        return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)
            ? returnType.GetGenericArguments()[0]
            : null;
    }

    /// <summary>Views an IAsyncEnumerable&lt;T&gt; as IAsyncEnumerable&lt;object?&gt;.</summary>
    public static Func<object?, IAsyncEnumerable<object?>> ForStream(Type elementType) =>
        s_boxStream.MakeGenericMethod(elementType).CreateDelegate<Func<object?, IAsyncEnumerable<object?>>>();

    private static IAsyncEnumerable<object?> BoxStream<T>(object? stream) =>
        stream as IAsyncEnumerable<object?> ?? Box((IAsyncEnumerable<T>)stream!); // The member returned a stream of T.

    private static async IAsyncEnumerable<object?> Box<T>(
        IAsyncEnumerable<T> stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public static Func<object?, ValueTask<object?>> For(Type returnType)
    {
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return s_awaitTask.MakeGenericMethod(returnType.GetGenericArguments()[0]).CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return s_awaitValueTask.MakeGenericMethod(returnType.GetGenericArguments()[0]).CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        if (returnType == typeof(Task))
        {
            return static async result =>
            {
                await ((Task)result!).ConfigureAwait(false); // A Task-returning member returned a Task.
                return null;
            };
        }

        if (returnType == typeof(ValueTask))
        {
            return static async result =>
            {
                await ((ValueTask)result!).ConfigureAwait(false); // A ValueTask-returning member returned one.
                return null;
            };
        }

        return static result => new ValueTask<object?>(result);
    }

    private static ValueTask<object?> AwaitTask<T>(object? result)
    {
        var task = (Task<T>)result!; // The member's declared return type is Task<T>.
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

        static async ValueTask<object?> Await(Task<T> task) => await task.ConfigureAwait(false);
    }

    private static ValueTask<object?> AwaitValueTask<T>(object? result)
    {
        var task = (ValueTask<T>)result!; // The member's declared return type is ValueTask<T>.
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

        static async ValueTask<object?> Await(ValueTask<T> task) => await task.ConfigureAwait(false);
    }
}

/// <summary>Converts coerced GraphQL input values (numbers, strings, lists, string-keyed maps) to parameter types.</summary>
internal static class ValueConverter
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> s_properties = new();

    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target.IsEnum)
        {
            var name = value.ToString() ?? string.Empty;
            var match = Enum.GetNames(target).FirstOrDefault(n =>
                string.Equals(n, name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return match is null ? throw new InvalidCastException($"\"{name}\" is not a {target.Name}.") : Enum.Parse(target, match);
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(value.ToString() ?? string.Empty, CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(value.ToString() ?? string.Empty, CultureInfo.InvariantCulture);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        if (value is IEnumerable<KeyValuePair<string, object?>> map)
        {
            return ToObject(map, target);
        }

        if (value is IEnumerable items && value is not string)
        {
            return ToList(items, target);
        }

        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}.");
    }

    private static object ToList(IEnumerable items, Type target)
    {
        var elementType = target.IsArray ? target.GetElementType()!
            : target.IsGenericType ? target.GetGenericArguments()[0]
            : typeof(object);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!; // List<T> has a parameterless constructor.
        foreach (var item in items)
        {
            list.Add(Convert(item, elementType));
        }

        if (target.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        return list;
    }

    private static object ToObject(IEnumerable<KeyValuePair<string, object?>> map, Type target)
    {
        var properties = s_properties.GetOrAdd(target, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || p.GetSetMethod(nonPublic: true) is not null)
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));
        var values = map.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

        // Records and other immutable types: use the widest constructor, matching parameters by name.
        var constructor = target.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidCastException($"{target.Name} has no public constructor.");
        var parameters = constructor.GetParameters();
        var arguments = parameters
            .Select(p => p.Name is not null && values.TryGetValue(p.Name, out var v) ? Convert(v, p.ParameterType)
                : p.HasDefaultValue ? p.DefaultValue : Convert(null, p.ParameterType))
            .ToArray();
        var result = constructor.Invoke(arguments);
        foreach (var (key, value) in values)
        {
            if (properties.TryGetValue(key, out var property)
                && !parameters.Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                property.SetValue(result, Convert(value, property.PropertyType));
            }
        }

        return result;
    }
}
