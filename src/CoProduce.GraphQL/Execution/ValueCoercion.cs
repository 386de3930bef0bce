using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// Input coercion (spec 3.x "Input Coercion", 6.1.2 and 6.4.1), with graphql-js 16's semantics and error wording:
/// variable values from the transport, argument literals, and default values.
/// Input objects coerce to <see cref="Dictionary{TKey, TValue}"/> keyed by field name, lists to
/// <see cref="List{T}"/>, enums to their bound value.
/// </summary>
public static class ValueCoercion
{
    private const int MaxVariableErrors = 50;

    private static readonly ConditionalWeakTable<InputValueDefinition, StrongBox<object?>> s_defaults = new();

    /// <summary>A JSON value as plain .NET values: string, bool, int/long/double, lists and dictionaries.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i
            : element.TryGetInt64(out var l) ? l
            : element.GetDouble(),
        JsonValueKind.Array => FromJsonArray(element),
        JsonValueKind.Object => FromJsonObject(element),
        _ => null,
    };

    /// <summary>Variables from a JSON object (or null/undefined) as a dictionary of plain .NET values.</summary>
    public static IReadOnlyDictionary<string, object?>? VariablesFromJson(JsonElement? variables) =>
        variables is { ValueKind: JsonValueKind.Object } obj ? FromJsonObject(obj) : null;

    /// <summary>
    /// Coerces the request's variables against the operation's variable definitions (graphql-js's
    /// <c>coerceVariableValues</c>). Errors are worded as graphql-js words them.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceVariableValues(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = schema.TypeFromAst(definition.Type);
            if (type is null || !type.IsInputType())
            {
                errors.Add(GraphQLError.At(
                    GraphQLMessages.VariableNotInput.With(name, Printer.Print(definition.Type)),
                    definition.Type));
                continue;
            }

            object? input = null;
            var provided = inputs is not null && inputs.TryGetValue(name, out input);
            if (input is JsonElement json)
            {
                if (json.ValueKind == JsonValueKind.Undefined)
                {
                    provided = false;
                }

                input = FromJson(json);
            }

            if (!provided)
            {
                if (definition.DefaultValue is { } defaultValue)
                {
                    if (TryValueFromAst(defaultValue, type, null, out var value))
                    {
                        coerced[name] = value;
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(GraphQLError.At(GraphQLMessages.VariableMissing.With(name, type.ToString()), definition));
                }

                if (errors.Count >= MaxVariableErrors)
                {
                    return TooManyErrors(errors, coerced);
                }

                continue;
            }

            if (input is null && type is NonNullType)
            {
                errors.Add(GraphQLError.At(GraphQLMessages.VariableNull.With(name, type.ToString()), definition));
                if (errors.Count >= MaxVariableErrors)
                {
                    return TooManyErrors(errors, coerced);
                }

                continue;
            }

            var before = errors.Count;
            var result = CoerceInputValue(input, type, [], (path, invalid, message) =>
            {
                var text = path.Count > 0
                    ? GraphQLMessages.VariableInvalidAt.With(name, Inspect.Value(invalid), name + PrintPath(path), message)
                    : GraphQLMessages.VariableInvalid.With(name, Inspect.Value(invalid), message);
                errors.Add(GraphQLError.At(text, definition) with
                {
                    Extensions = ErrorCodes.Of(ErrorCodes.BadUserInput),
                });
            });
            if (errors.Count == before)
            {
                coerced[name] = result;
            }

            if (errors.Count >= MaxVariableErrors)
            {
                return TooManyErrors(errors, coerced);
            }
        }

        return coerced;
    }

    /// <summary>
    /// Coerces an external input value (graphql-js's <c>coerceInputValue</c>), reporting each problem with its path
    /// inside the value. Returns the coerced value (meaningless when an error was reported).
    /// </summary>
    public static object? CoerceInputValue(
        object? input,
        GraphQLType type,
        List<object> path,
        Action<IReadOnlyList<object>, object?, GraphQLMessage> onError)
    {
        if (input is JsonElement json)
        {
            input = FromJson(json);
        }

        if (type is NonNullType nonNull)
        {
            if (input is not null)
            {
                return CoerceInputValue(input, nonNull.OfType, path, onError);
            }

            onError(path, input, GraphQLMessages.InputNonNull.With(type.ToString()));
            return null;
        }

        if (input is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (IsList(input))
                {
                    var items = new List<object?>();
                    var index = 0;
                    foreach (var item in (IEnumerable)input)
                    {
                        path.Add(index);
                        items.Add(CoerceInputValue(item, list.OfType, path, onError));
                        path.RemoveAt(path.Count - 1);
                        index++;
                    }

                    return items;
                }

                return new List<object?> { CoerceInputValue(input, list.OfType, path, onError) };

            case InputObjectType inputObject:
                return CoerceInputObject(input, inputObject, path, onError);

            case EnumType enumType:
                {
                    var result = enumType.ParseValue(input);
                    if (result.IsError)
                    {
                        var hint = input is string s ? s : Inspect.Value(input);
                        onError(path, input, GraphQLMessages.WithSuggestion.With(result.Reason, Suggestions.DidYouMean(
                            Suggestions.List(hint, enumType.Values.Select(v => v.Name)), SuggestionKind.EnumValue)));
                    }

                    return result.Value;
                }

            case ScalarType scalar:
                {
                    CoercionResult result;
                    try
                    {
                        result = scalar.ParseValue(input);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        onError(path, input, GraphQLMessages.InputScalarFailed.With(scalar.Name, GraphQLMessages.Verbatim.With(e.Message)));
                        return null;
                    }

                    if (result.IsError)
                    {
                        onError(path, input, result.Reason);
                    }

                    return result.Value;
                }

            default:
                onError(path, input, GraphQLMessages.InputExpectedType.With(type.ToString()));
                return null;
        }
    }

    /// <summary>
    /// A literal's value for an input type (graphql-js's <c>valueFromAST</c>); false when the literal is invalid.
    /// Variables in the literal are read from <paramref name="variables"/> (coerced values).
    /// </summary>
    public static bool TryValueFromAst(
        ValueNode node,
        GraphQLType type,
        IReadOnlyDictionary<string, object?>? variables,
        out object? value)
    {
        value = null;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return false;
            }

            if (variableValue is null && type is NonNullType)
            {
                return false;
            }

            value = variableValue;
            return true;
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryValueFromAst(node, nonNull.OfType, variables, out value);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return false;
                            }

                            items.Add(null);
                            continue;
                        }

                        if (!TryValueFromAst(itemNode, list.OfType, variables, out var item))
                        {
                            return false;
                        }

                        items.Add(item);
                    }

                    value = items;
                    return true;
                }

                if (!TryValueFromAst(node, list.OfType, variables, out var single))
                {
                    return false;
                }

                value = new List<object?> { single };
                return true;

            case InputObjectType inputObject:
                {
                    if (node is not ObjectValueNode objectNode)
                    {
                        return false;
                    }

                    var result = new Dictionary<string, object?>(inputObject.Fields.Count, StringComparer.Ordinal);
                    foreach (var field in inputObject.Fields)
                    {
                        ObjectFieldNode? fieldNode = null;
                        foreach (var candidate in objectNode.Fields)
                        {
                            if (candidate.Name.Value == field.Name)
                            {
                                fieldNode = candidate;
                                break;
                            }
                        }

                        if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                        {
                            if (field.DefaultValue is not null)
                            {
                                result[field.Name] = GetDefaultValue(field);
                            }
                            else if (field.Type is NonNullType)
                            {
                                return false;
                            }

                            continue;
                        }

                        if (!TryValueFromAst(fieldNode.Value, field.Type, variables, out var fieldValue))
                        {
                            return false;
                        }

                        result[field.Name] = fieldValue;
                    }

                    if (inputObject.IsOneOf && (result.Count != 1 || result.Values.First() is null))
                    {
                        return false;
                    }

                    value = result;
                    return true;
                }

            case EnumType enumType:
                {
                    var result = enumType.ParseLiteral(node);
                    value = result.Value;
                    return !result.IsError;
                }

            case ScalarType scalar:
                {
                    try
                    {
                        var result = scalar.ParseLiteral(node, variables);
                        value = result.Value;
                        return !result.IsError;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        return false;
                    }
                }

            default:
                return false;
        }
    }

    /// <summary>
    /// Coerces the arguments of a field or directive (graphql-js's <c>getArgumentValues</c>). Returns null and sets
    /// <paramref name="error"/> when an argument is missing or invalid.
    /// </summary>
    public static Dictionary<string, object?>? CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> argumentNodes,
        SyntaxNode node,
        IReadOnlyDictionary<string, object?>? variables,
        out GraphQLError? error)
    {
        error = null;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            ArgumentNode? argumentNode = null;
            foreach (var candidate in argumentNodes)
            {
                if (candidate.Name.Value == name)
                {
                    argumentNode = candidate;
                    break;
                }
            }

            if (argumentNode is null)
            {
                if (definition.DefaultValue is not null)
                {
                    coerced[name] = GetDefaultValue(definition);
                }
                else if (definition.Type is NonNullType)
                {
                    error = GraphQLError.At(GraphQLMessages.ArgumentMissing.With(name, definition.Type.ToString()), node);
                    return null;
                }

                continue;
            }

            var valueNode = argumentNode.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (variables is null || !variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.DefaultValue is not null)
                    {
                        coerced[name] = GetDefaultValue(definition);
                    }
                    else if (definition.Type is NonNullType)
                    {
                        error = GraphQLError.At(
                            GraphQLMessages.ArgumentVariableMissing.With(name, definition.Type.ToString(), variableName),
                            valueNode);
                        return null;
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is NonNullType)
            {
                error = GraphQLError.At(GraphQLMessages.ArgumentNull.With(name, definition.Type.ToString()), valueNode);
                return null;
            }

            if (!TryValueFromAst(valueNode, definition.Type, variables, out var value))
            {
                error = GraphQLError.At(GraphQLMessages.ArgumentInvalid.With(name, SafePrint(valueNode)), valueNode);
                return null;
            }

            coerced[name] = value;
        }

        return coerced;
    }

    /// <summary>The coerced default value of an argument or input field (computed once per definition).</summary>
    public static object? GetDefaultValue(InputValueDefinition definition)
    {
        if (definition.DefaultValue is null)
        {
            return null;
        }

        return s_defaults.GetValue(definition, static d =>
            new StrongBox<object?>(TryValueFromAst(d.DefaultValue!, d.Type, null, out var value) // DefaultValue checked above
                ? value
                : ScalarType.ValueFromAstUntyped(d.DefaultValue!, null))).Value;
    }

    internal static string PrintPath(IReadOnlyList<object> path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(segment);
            }
        }

        return builder.ToString();
    }

    internal static string SafePrint(SyntaxNode node)
    {
        try
        {
            return Printer.Print(node);
        }
        catch (NotImplementedException)
        {
            return node.Kind.ToString();
        }
    }

    private static object? CoerceInputObject(
        object input,
        InputObjectType type,
        List<object> path,
        Action<IReadOnlyList<object>, object?, GraphQLMessage> onError)
    {
        if (!TryGetFields(input, out var fields))
        {
            onError(path, input, GraphQLMessages.InputNotObject.With(type.Name));
            return null;
        }

        var result = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.DefaultValue is not null)
                {
                    result[field.Name] = GetDefaultValue(field);
                }
                else if (field.Type is NonNullType)
                {
                    onError(path, input, GraphQLMessages.InputMissingField.With(field.Name, field.Type.ToString()));
                }

                continue;
            }

            path.Add(field.Name);
            result[field.Name] = CoerceInputValue(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var key in fields.Keys)
        {
            if (type.GetField(key) is null)
            {
                var suggestions = Suggestions.List(key, type.Fields.Select(f => f.Name));
                onError(path, input, GraphQLMessages.InputUnknownField.With(key, type.Name, Suggestions.DidYouMean(suggestions)));
            }
        }

        if (type.IsOneOf)
        {
            if (result.Count != 1)
            {
                onError(path, input, GraphQLMessages.InputOneOfExactlyOne.With(type.Name));
            }
            else
            {
                var (key, value) = result.First();
                if (value is null)
                {
                    path.Add(key);
                    onError(path, value, GraphQLMessages.InputOneOfNonNull.With(key));
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return result;
    }

    private static bool TryGetFields(object input, out IReadOnlyDictionary<string, object?> fields)
    {
        switch (input)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                fields = readOnly;
                return true;
            case IDictionary<string, object?> dictionary:
                fields = dictionary.AsReadOnly();
                return true;
            default:
                fields = null!; // Only read when true is returned.
                return false;
        }
    }

    private static bool IsList(object input) =>
        input is IEnumerable and not string and not IDictionary and not IReadOnlyDictionary<string, object?>
            and not IDictionary<string, object?>;

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    private static IReadOnlyDictionary<string, object?> TooManyErrors(
        List<GraphQLError> errors,
        Dictionary<string, object?> coerced)
    {
        errors.Add(new GraphQLError(GraphQLMessages.VariablesTooManyErrors.With()));
        return coerced;
    }

    private static List<object?> FromJsonArray(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(FromJson(item));
        }

        return list;
    }

    private static Dictionary<string, object?> FromJsonObject(JsonElement element)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            dictionary[property.Name] = FromJson(property.Value);
        }

        return dictionary;
    }
}
