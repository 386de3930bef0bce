using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Validation;

// Directives, arguments and values: KnownDirectives, UniqueDirectivesPerLocation, KnownArgumentNames (directives),
// UniqueArgumentNames, ValuesOfCorrectType, ProvidedRequiredArguments (directives), UniqueInputFieldNames, and the
// recording of variable usages for the rules that finish at the end.
internal sealed partial class DocumentValidation
{
    /// <param name="location">Where the directives are applied; null when graphql-js would not check the location.</param>
    /// <param name="enclosingField">
    /// The innermost field: graphql-js types the arguments of an unknown directive by that field's arguments of the same
    /// name, so values are checked against them.
    /// </param>
    private void VisitDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation? location, FieldDefinition? enclosingField)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            VisitDirective(directives[i], location, enclosingField);
        }
    }

    private void VisitDirective(DirectiveNode directive, DirectiveLocation? location, FieldDefinition? enclosingField)
    {
        var name = directive.Name.Value;
        var schemaDirective = _schema.GetDirective(name);
        DirectiveDefinitionNode? documentDirective = null;
        _documentDirectives?.TryGetValue(name, out documentDirective);

        // KnownDirectives.
        if (schemaDirective is null && documentDirective is null)
        {
            Report(GraphQLMessages.UnknownDirective.With(name), directive);
        }
        else if (location is { } at && !IsAllowedAt(schemaDirective, documentDirective, at))
        {
            Report(GraphQLMessages.MisplacedDirective.With(name, at.ToSpecName()), directive);
        }

        // KnownArgumentNames (on directives).
        if (schemaDirective is not null || documentDirective is not null)
        {
            var arguments = directive.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argumentName = arguments[i].Name.Value;
                if (!HasArgument(schemaDirective, documentDirective, argumentName))
                {
                    var known = documentDirective is not null
                        ? documentDirective.Arguments.Select(a => a.Name.Value)
                        : schemaDirective!.Arguments.Select(a => a.Name); // One of the two is known (checked above).
                    var suggestions = HideSuggestions ? [] : Suggestions.List(argumentName, known);
                    Report(
                        GraphQLMessages.UnknownDirectiveArgument.With(argumentName, name, Suggestions.DidYouMean(suggestions)),
                        arguments[i]);
                }
            }
        }

        // UniqueArgumentNames.
        CheckUniqueArguments(directive.Arguments);

        var argumentNodes = directive.Arguments;
        for (var i = 0; i < argumentNodes.Count; i++)
        {
            var argument = argumentNodes[i];
            var definition = schemaDirective is not null
                ? schemaDirective.GetArgument(argument.Name.Value)
                : enclosingField?.GetArgument(argument.Name.Value);
            VisitArgumentValue(argument, definition);
        }

        // ProvidedRequiredArguments (on directives, on leaving the directive).
        if (documentDirective is not null)
        {
            foreach (var argument in documentDirective.Arguments)
            {
                if (argument.Type is NonNullTypeNode && argument.DefaultValue is null
                    && FindArgument(directive.Arguments, argument.Name.Value) is null)
                {
                    Report(
                        GraphQLMessages.MissingDirectiveArgument.With(name, argument.Name.Value, Printer.Print(argument.Type)),
                        directive);
                }
            }
        }
        else if (schemaDirective is not null)
        {
            foreach (var argument in schemaDirective.Arguments)
            {
                if (argument.IsRequired && FindArgument(directive.Arguments, argument.Name) is null)
                {
                    Report(
                        GraphQLMessages.MissingDirectiveArgument.With(name, argument.Name, argument.Type.ToString()),
                        directive);
                }
            }
        }
    }

    private static bool IsAllowedAt(DirectiveDefinition? schemaDirective, DirectiveDefinitionNode? documentDirective, DirectiveLocation location)
    {
        if (documentDirective is not null)
        {
            var spelling = location.ToSpecName();
            foreach (var allowed in documentDirective.Locations)
            {
                if (allowed.Value == spelling)
                {
                    return true;
                }
            }

            return false;
        }

        return schemaDirective is not null && schemaDirective.IsAllowedAt(location);
    }

    private static bool HasArgument(DirectiveDefinition? schemaDirective, DirectiveDefinitionNode? documentDirective, string name)
    {
        if (documentDirective is not null)
        {
            foreach (var argument in documentDirective.Arguments)
            {
                if (argument.Name.Value == name)
                {
                    return true;
                }
            }

            return false;
        }

        return schemaDirective?.GetArgument(name) is not null;
    }

    private void VisitArgumentValue(ArgumentNode argument, InputValueDefinition? definition)
    {
        var type = definition?.Type;
        VisitValue(argument.Value, type is not null && type.IsInputType() ? type : null, null, definition?.DefaultValue, checkValues: true);
    }

    /// <param name="inputType">The expected type here (graphql-js's <c>getInputType()</c>).</param>
    /// <param name="parentInputType">The type one level up (graphql-js's <c>getParentInputType()</c>).</param>
    /// <param name="locationDefault">The default of the argument or input field this value is for, if any.</param>
    /// <param name="checkValues">False below a value ValuesOfCorrectType has already rejected as a whole.</param>
    private void VisitValue(ValueNode value, GraphQLType? inputType, GraphQLType? parentInputType, ValueNode? locationDefault, bool checkValues)
    {
        switch (value)
        {
            case VariableNode variable:
                _usages?.Add(new VariableUsage(variable, inputType, locationDefault is not null, parentInputType));
                break;

            case NullValueNode:
                if (checkValues && inputType is NonNullType)
                {
                    Report(GraphQLMessages.NullForNonNull.With(inputType.ToString()), value);
                }

                break;

            case ListValueNode list:
                {
                    var nullable = inputType?.GetNullableType();
                    var itemType = nullable is ListType listType ? listType.OfType : nullable;
                    if (itemType is not null && !itemType.IsInputType())
                    {
                        itemType = null;
                    }

                    if (checkValues && nullable is not ListType)
                    {
                        CheckLeafValue(list, itemType);
                        checkValues = false;
                    }

                    var items = list.Values;
                    for (var i = 0; i < items.Count; i++)
                    {
                        VisitValue(items[i], itemType, inputType, null, checkValues);
                    }

                    break;
                }

            case ObjectValueNode obj:
                VisitObjectValue(obj, inputType, checkValues);
                break;

            default:
                if (checkValues)
                {
                    CheckLeafValue(value, inputType);
                }

                break;
        }
    }

    private void VisitObjectValue(ObjectValueNode obj, GraphQLType? inputType, bool checkValues)
    {
        var objectType = inputType?.GetNamedType() as InputObjectType;
        var fields = obj.Fields;
        if (checkValues)
        {
            if (objectType is null)
            {
                CheckLeafValue(obj, inputType);
                checkValues = false;
            }
            else
            {
                foreach (var fieldDefinition in objectType.Fields)
                {
                    if (fieldDefinition.IsRequired && FindLastField(fields, fieldDefinition.Name) is null)
                    {
                        Report(
                            GraphQLMessages.MissingInputField.With(objectType.Name, fieldDefinition.Name, fieldDefinition.Type.ToString()),
                            obj);
                    }
                }

                if (objectType.IsOneOf)
                {
                    CheckOneOfValue(obj, objectType);
                }
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var fieldDefinition = objectType?.GetField(field.Name.Value);
            var fieldType = fieldDefinition?.Type;
            if (fieldType is not null && !fieldType.IsInputType())
            {
                fieldType = null;
            }

            // ValuesOfCorrectType: unknown field.
            if (checkValues && fieldType is null && objectType is not null)
            {
                var suggestions = HideSuggestions ? [] : Suggestions.List(field.Name.Value, objectType.Fields.Select(f => f.Name));
                Report(
                    GraphQLMessages.UnknownInputField.With(field.Name.Value, objectType.Name, Suggestions.DidYouMean(suggestions)),
                    field);
            }

            // UniqueInputFieldNames: reported against the first occurrence.
            for (var j = 0; j < i; j++)
            {
                if (fields[j].Name.Value == field.Name.Value)
                {
                    Report(GraphQLMessages.DuplicateInputField.With(field.Name.Value), fields[j].Name, field.Name);
                    break;
                }
            }

            VisitValue(field.Value, fieldType, inputType, fieldDefinition?.DefaultValue, checkValues);
        }
    }

    private void CheckOneOfValue(ObjectValueNode obj, InputObjectType type)
    {
        // graphql-js keys the fields by name (the last of duplicates wins) and counts distinct names.
        var fields = obj.Fields;
        string? onlyName = null;
        var distinct = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Name.Value;
            var seen = false;
            for (var j = 0; j < i; j++)
            {
                if (fields[j].Name.Value == name)
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                distinct++;
                onlyName = name;
            }
        }

        if (distinct != 1 || onlyName is null)
        {
            Report(GraphQLMessages.OneOfExactlyOneKey.With(type.Name), obj);
            return;
        }

        if (FindLastField(fields, onlyName)?.Value is null or NullValueNode)
        {
            Report(GraphQLMessages.OneOfNonNull.With(type.Name, onlyName), obj);
        }
    }

    private static ObjectFieldNode? FindLastField(IReadOnlyList<ObjectFieldNode> fields, string name)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Name.Value == name)
            {
                return fields[i];
            }
        }

        return null;
    }

    /// <summary>graphql-js's <c>isValidValueNode</c>: a literal where a scalar or enum (or nothing) is expected.</summary>
    private void CheckLeafValue(ValueNode value, GraphQLType? locationType)
    {
        if (locationType is null)
        {
            return;
        }

        var type = locationType.GetNamedType();
        if (!type.IsLeafType())
        {
            Report(GraphQLMessages.ExpectedValue.With(locationType.ToString(), Printer.Print(value)), value);
            return;
        }

        CoercionResult result;
        try
        {
            result = type is EnumType enumType ? enumType.ParseLiteral(value) : ((ScalarType)type).ParseLiteral(value, null);
        }
        catch (Exception e) when (e is not ValidationAbortedException)
        {
            // A custom scalar that throws: graphql-js reports the message after the expectation.
            Report(GraphQLMessages.ExpectedValueBecause.With(locationType.ToString(), Printer.Print(value), GraphQLMessages.Verbatim.With(e.Message)), value);
            return;
        }

        if (result.IsError)
        {
            var message = result.Reason;
            if (type is EnumType enumType && !HideSuggestions
                && Suggestions.DidYouMean(Suggestions.List(Printer.Print(value), enumType.Values.Select(v => v.Name)),
                    SuggestionKind.EnumValue) is GraphQLMessage suggestion)
            {
                message = GraphQLMessages.WithSuggestion.With(message, suggestion);
            }

            Report(message, value);
        }
    }
}
