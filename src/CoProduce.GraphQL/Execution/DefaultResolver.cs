using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// Reads a field from a source value when the field has no resolver: a dictionary entry, a <see cref="JsonElement"/>
/// property, or a public CLR property, field or parameterless method matched by name (camelCase field ↔ PascalCase
/// member, case-insensitively when needed). Accessors are compiled once per CLR type and field name.
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type Type, string Field), PropertyAccessor> s_accessors = new();

    /// <summary>The field's value on <paramref name="source"/>, or null when the source has no such member.</summary>
    public static object? Resolve(object? source, string fieldName) => source switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> dictionary => dictionary.TryGetValue(fieldName, out var v) ? v : null,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue(fieldName, out var v) ? v : null,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(fieldName, out var p) ? p : null,
        _ => GetAccessor(source.GetType(), fieldName).Read(source),
    };

    internal static object? Resolve(object? source, FieldPlan field)
    {
        if (source?.GetType() == typeof(Dictionary<string, object?>))
        {
            // The commonest source: an exact type test and a direct call instead of an interface cast and dispatch.
            return Unsafe.As<Dictionary<string, object?>>(source).TryGetValue(field.Definition.Name, out var entry) ? entry : null;
        }

        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(field.Definition.Name, out var v) ? v : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(field.Definition.Name, out var d) ? d : null;
            case JsonElement json:
                return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field.Definition.Name, out var p)
                    ? p
                    : null;
        }

        var type = source.GetType();
        var accessor = field.Accessor;
        if (accessor is null || accessor.Type != type)
        {
            accessor = GetAccessor(type, field.Definition.Name);
            field.Accessor = accessor;
        }

        return accessor.Read(source);
    }

    internal static PropertyAccessor GetAccessor(Type type, string fieldName) =>
        s_accessors.GetOrAdd((type, fieldName), static key => PropertyAccessor.Create(key.Type, key.Field));
}

/// <summary>A compiled reader of one member of one CLR type.</summary>
internal sealed class PropertyAccessor(Type type, Func<object, object?> read)
{
    public Type Type { get; } = type;

    public Func<object, object?> Read { get; } = read;

    public static PropertyAccessor Create(Type type, string fieldName)
    {
        var member = FindMember(type, fieldName);
        if (member is null)
        {
            return new PropertyAccessor(type, static _ => null);
        }

        var source = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(source, type);
        Expression body = member switch
        {
            PropertyInfo property => Expression.Property(typed, property),
            FieldInfo field => Expression.Field(typed, field),
            MethodInfo method => Expression.Call(typed, method),
            _ => Expression.Constant(null),
        };
        var boxed = Expression.Convert(body, typeof(object));
        try
        {
            return new PropertyAccessor(type, Expression.Lambda<Func<object, object?>>(boxed, source).Compile());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // Compilation can fail for exotic members (by-ref returns, pointers); reflection still works.
            return new PropertyAccessor(type, member switch
            {
                PropertyInfo property => property.GetValue,
                FieldInfo field => field.GetValue,
                MethodInfo method => o => method.Invoke(o, null),
                _ => static _ => null,
            });
        }
    }

    private static MemberInfo? FindMember(Type type, string fieldName)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var pascal = fieldName.Length > 0 ? char.ToUpperInvariant(fieldName[0]) + fieldName[1..] : fieldName;
        foreach (var name in new[] { pascal, fieldName })
        {
            if (type.GetProperty(name, flags) is { } property && property.GetIndexParameters().Length == 0
                && property.CanRead)
            {
                return property;
            }

            if (type.GetField(name, flags) is { } field)
            {
                return field;
            }
        }

        foreach (var property in type.GetProperties(flags))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead
                && string.Equals(property.Name, fieldName, StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        foreach (var method in type.GetMethods(flags))
        {
            if (method.GetParameters().Length == 0 && !method.IsGenericMethodDefinition && method.ReturnType != typeof(void)
                && (method.Name == pascal || method.Name == "Get" + pascal))
            {
                return method;
            }
        }

        return null;
    }
}
