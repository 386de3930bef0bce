using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Validation;

/// <summary>
/// One validation run. The document is walked once; while walking, the type information graphql-js's
/// <c>TypeInfo</c> tracks (parent type, field definition, input type, default value, directive) travels down the
/// recursion as arguments, and every rule's check is made at the node where graphql-js makes it, in the order of
/// graphql-js's <c>specifiedRules</c>, so errors come out in the same order. The rules that need the whole document
/// (variables used or defined across fragments, unused fragments) record what they need during the walk and finish at
/// the end; their errors are put back where graphql-js would have reported them.
/// </summary>
internal sealed partial class DocumentValidation
{
    private readonly Schema _schema;
    private readonly DocumentNode _document;
    private readonly ValidationOptions _options;
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameNode> _knownOperationNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameNode> _knownFragmentNames = new(StringComparer.Ordinal);
    private readonly List<OperationRecord> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragmentDefinitions = [];
    private readonly Dictionary<FragmentDefinitionNode, List<VariableUsage>> _fragmentUsages = [];
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreadsCache = [];
    private int _operationCount;

    // Type and directive definitions written in the document itself (graphql-js counts them as known).
    private HashSet<string>? _documentTypeNames;
    private Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    // Where variable usages of the definition being walked go; null inside variable definitions.
    private List<VariableUsage>? _usages;
    private OperationRecord? _currentOperation;

    private OverlappingFieldsChecker? _overlapping;

    public DocumentValidation(Schema schema, DocumentNode document, ValidationOptions options)
    {
        _schema = schema;
        _document = document;
        _options = options;
    }

    private bool HideSuggestions => _options.HideSuggestions;

    public IReadOnlyList<GraphQLError> Run()
    {
        var aborted = false;
        var tooMany = false;
        try
        {
            WalkDocument();
        }
        catch (ValidationAbortedException e)
        {
            aborted = !e.TooManyErrors;
            tooMany = e.TooManyErrors;
        }

        List<GraphQLError> result;
        if (tooMany)
        {
            result = _errors;
        }
        else
        {
            result = CompleteDeferredRules(aborted, out var abortedLater);
            aborted |= abortedLater;
        }

        var max = Math.Max(_options.MaxErrors, 0);
        if (result.Count > max)
        {
            result.RemoveRange(max, result.Count - max);
            result.Add(new GraphQLError(GraphQLMessages.TooManyValidationErrors.With()));
        }
        else if (tooMany)
        {
            result.Add(new GraphQLError(GraphQLMessages.TooManyValidationErrors.With()));
        }
        else if (aborted)
        {
            result.Add(new GraphQLError(GraphQLMessages.ValidationAborted.With()));
        }

        return result;
    }

    // ---- Reporting --------------------------------------------------------------------------------------------

    private void Report(GraphQLMessage message, SyntaxNode node)
    {
        CheckErrorLimit();
        _errors.Add(GraphQLError.At(message, node));
    }

    private void Report(GraphQLMessage message, SyntaxNode first, SyntaxNode second)
    {
        CheckErrorLimit();
        _errors.Add(GraphQLError.At(message, first, second));
    }

    private void Report(GraphQLMessage message, IReadOnlyList<SyntaxNode> nodes)
    {
        CheckErrorLimit();
        _errors.Add(ErrorAt(message, nodes));
    }

    private void CheckErrorLimit()
    {
        if (_errors.Count >= _options.MaxErrors)
        {
            throw new ValidationAbortedException(tooManyErrors: true);
        }
    }

    internal static GraphQLError ErrorAt(GraphQLMessage message, IReadOnlyList<SyntaxNode> nodes)
    {
        var locations = new List<SourceLocation>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var location = nodes[i].Location;
            if (location.IsKnown)
            {
                locations.Add(new SourceLocation(location.Line, location.Column));
            }
        }

        return new GraphQLError(message) { Locations = locations };
    }

    // ---- Document -----------------------------------------------------------------------------------------------

    private void WalkDocument()
    {
        var definitions = _document.Definitions;
        for (var i = 0; i < definitions.Count; i++)
        {
            switch (definitions[i])
            {
                case FragmentDefinitionNode fragment:
                    _fragments[fragment.Name.Value] = fragment;
                    _fragmentDefinitions.Add(fragment);
                    break;
                case OperationDefinitionNode:
                    _operationCount++;
                    break;
                case TypeDefinitionNode typeDefinition:
                    (_documentTypeNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(typeDefinition.Name.Value);
                    break;
                case DirectiveDefinitionNode directiveDefinition:
                    (_documentDirectives ??= new Dictionary<string, DirectiveDefinitionNode>(StringComparer.Ordinal))
                        [directiveDefinition.Name.Value] = directiveDefinition;
                    break;
            }
        }

        // ExecutableDefinitions: reported on entering the document, before anything else.
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            if (definition is not ExecutableDefinitionNode)
            {
                var name = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode t => "\"" + t.Name.Value + "\"",
                    TypeExtensionNode t => "\"" + t.Name.Value + "\"",
                    DirectiveDefinitionNode d => "\"" + d.Name.Value + "\"",
                    _ => "\"" + definition.Kind + "\"",
                };
                Report(GraphQLMessages.NotExecutable.With(name), definition);
            }
        }

        for (var i = 0; i < definitions.Count; i++)
        {
            switch (definitions[i])
            {
                case OperationDefinitionNode operation:
                    VisitOperation(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    VisitFragmentDefinition(fragment);
                    break;
                default:
                    VisitTypeSystemDefinition(definitions[i]);
                    break;
            }
        }
    }

    // ---- Operations and fragments ------------------------------------------------------------------------------

    private void VisitOperation(OperationDefinitionNode operation)
    {
        var rootType = _schema.GetRootType(operation.Operation);
        var record = new OperationRecord(operation, _errors.Count);
        _operations.Add(record);
        _currentOperation = record;

        // Operation type existence (the spec's rule; graphql-js 17's KnownOperationTypes).
        if (rootType is null && _options.CheckOperationTypeExistence)
        {
            Report(GraphQLMessages.OperationNotSupported.With(operation.Operation.ToKeyword()), operation);
        }

        // UniqueOperationNames.
        if (operation.Name is { } name)
        {
            if (_knownOperationNames.TryGetValue(name.Value, out var known))
            {
                Report(GraphQLMessages.DuplicateOperation.With(name.Value), known, name);
            }
            else
            {
                _knownOperationNames[name.Value] = name;
            }
        }

        // LoneAnonymousOperation.
        if (operation.Name is null && _operationCount > 1)
        {
            Report(GraphQLMessages.LoneAnonymousOperation.With(), operation);
        }

        // SingleFieldSubscriptions.
        if (operation.Operation == OperationType.Subscription && _schema.SubscriptionType is { } subscriptionType)
        {
            CheckSingleFieldSubscription(operation, subscriptionType, record);
        }

        // UniqueVariableNames.
        CheckUniqueVariableNames(operation.VariableDefinitions);

        // UniqueDirectivesPerLocation.
        CheckUniqueDirectives(operation.Directives, null);

        record.Usages = [];
        var location = operation.Operation switch
        {
            OperationType.Query => DirectiveLocation.Query,
            OperationType.Mutation => DirectiveLocation.Mutation,
            _ => DirectiveLocation.Subscription,
        };

        var variableDefinitions = operation.VariableDefinitions;
        for (var i = 0; i < variableDefinitions.Count; i++)
        {
            VisitVariableDefinition(variableDefinitions[i], record);
        }

        _usages = record.Usages;
        VisitDirectives(operation.Directives, location, null);
        VisitSelectionSet(operation.SelectionSet, rootType, null, false);
        _usages = null;
        _currentOperation = null;
        record.LeaveIndex = _errors.Count;
        record.Completed = true;
    }

    private void VisitVariableDefinition(VariableDefinitionNode definition, OperationRecord record)
    {
        var type = _schema.TypeFromAst(definition.Type);

        // VariablesAreInputTypes.
        if (type is not null && !type.IsInputType())
        {
            Report(
                GraphQLMessages.VariableNotInputType.With(definition.Variable.Name.Value, Printer.Print(definition.Type)),
                definition.Type);
        }

        record.Definitions.Add(definition);
        record.DefinitionsByName[definition.Variable.Name.Value] = definition;

        // UniqueDirectivesPerLocation.
        CheckUniqueDirectives(definition.Directives, null);

        VisitTypeReference(definition.Type, isSdl: false);
        var inputType = type is not null && type.IsInputType() ? type : null;
        if (definition.DefaultValue is { } defaultValue)
        {
            // Usages inside variable definitions do not count (graphql-js skips these subtrees when collecting).
            VisitValue(defaultValue, inputType, null, null, checkValues: true);
        }

        VisitDirectives(definition.Directives, DirectiveLocation.VariableDefinition, null);
    }

    private void VisitFragmentDefinition(FragmentDefinitionNode fragment)
    {
        var conditionType = _schema.TypeFromAst(fragment.TypeCondition);

        // FragmentsOnCompositeTypes.
        if (conditionType is not null && !conditionType.IsCompositeType())
        {
            Report(
                GraphQLMessages.FragmentOnNonComposite.With(fragment.Name.Value, Printer.Print(fragment.TypeCondition)),
                fragment.TypeCondition);
        }

        // UniqueFragmentNames.
        if (_knownFragmentNames.TryGetValue(fragment.Name.Value, out var known))
        {
            Report(GraphQLMessages.DuplicateFragment.With(fragment.Name.Value), known, fragment.Name);
        }
        else
        {
            _knownFragmentNames[fragment.Name.Value] = fragment.Name;
        }

        // NoFragmentCycles.
        DetectFragmentCycles(fragment);

        // UniqueDirectivesPerLocation.
        CheckUniqueDirectives(fragment.Directives, null);

        var usages = new List<VariableUsage>();
        _fragmentUsages[fragment] = usages;
        _usages = usages;
        VisitTypeReference(fragment.TypeCondition, isSdl: false);
        VisitDirectives(fragment.Directives, DirectiveLocation.FragmentDefinition, null);
        var type = conditionType is not null && conditionType.IsOutputType() ? conditionType : null;
        VisitSelectionSet(fragment.SelectionSet, type, null, false);
        _usages = null;
    }

    // ---- Selections ---------------------------------------------------------------------------------------------

    /// <param name="type">The type whose selection set this is (graphql-js's <c>getType()</c> on entering it).</param>
    /// <param name="enclosingField">The innermost field around this selection set (graphql-js's <c>getFieldDef()</c>).</param>
    private void VisitSelectionSet(SelectionSetNode selectionSet, GraphQLType? type, FieldDefinition? enclosingField, bool ofInlineFragment)
    {
        var named = type?.GetNamedType();
        var parentType = named is not null && named.IsCompositeType() ? named : null;
        var selections = selectionSet.Selections;

        // OverlappingFieldsCanBeMerged (inline fragments are covered by their enclosing selection set).
        if (!ofInlineFragment && (selections.Count > 1 || (selections.Count == 1 && selections[0] is InlineFragmentNode))
            && !HasOnlyDistinctFields(selections))
        {
            var conflicts = (_overlapping ??= new OverlappingFieldsChecker(_schema, _fragments))
                .FindConflictsWithinSelectionSet(parentType, selectionSet);
            foreach (var conflict in conflicts)
            {
                var nodes = new List<SyntaxNode>(conflict.Fields1.Count + conflict.Fields2.Count);
                nodes.AddRange(conflict.Fields1);
                nodes.AddRange(conflict.Fields2);
                Report(OverlappingFieldsChecker.Message(conflict), nodes);
            }
        }

        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    VisitField(field, parentType);
                    break;
                case FragmentSpreadNode spread:
                    VisitFragmentSpread(spread, parentType, enclosingField);
                    break;
                case InlineFragmentNode inline:
                    VisitInlineFragment(inline, type, parentType, enclosingField);
                    break;
            }
        }
    }

    private void VisitField(FieldNode field, NamedType? parentType)
    {
        var fieldDefinition = parentType is null ? null : _schema.GetField(parentType, field.Name.Value);
        var type = fieldDefinition?.Type;

        // ScalarLeafs.
        if (type is not null)
        {
            if (type.GetNamedType().IsLeafType())
            {
                if (field.SelectionSet is { } selectionSet)
                {
                    Report(
                        GraphQLMessages.LeafFieldWithSelection.With(field.Name.Value, type.ToString()),
                        selectionSet);
                }
            }
            else if (field.SelectionSet is null)
            {
                Report(
                    GraphQLMessages.MissingSelection.With(field.Name.Value, type.ToString()),
                    field);
            }
            else if (field.SelectionSet.Selections.Count == 0)
            {
                Report(GraphQLMessages.EmptySelection.With(field.Name.Value, type.ToString()), field);
            }
        }

        // FieldsOnCorrectType.
        if (parentType is not null && fieldDefinition is null)
        {
            Report(
                GraphQLMessages.FieldNotDefined.With(field.Name.Value, parentType.Name, FieldSuggestion(parentType, field.Name.Value)),
                field);
        }

        // UniqueDirectivesPerLocation, UniqueArgumentNames, MaxIntrospectionDepth.
        CheckUniqueDirectives(field.Directives, null);
        CheckUniqueArguments(field.Arguments);
        if (_options.LimitIntrospectionDepth && _introspectionDepthSkip == 0
            && field.Name.Value is "__schema" or "__type" && IntrospectionDepthExceeded(field))
        {
            Report(GraphQLMessages.IntrospectionDepth.With(), field);
            _introspectionDepthSkip++;
            VisitFieldChildren(field, parentType, fieldDefinition, type);
            _introspectionDepthSkip--;
        }
        else
        {
            VisitFieldChildren(field, parentType, fieldDefinition, type);
        }

        // ProvidedRequiredArguments (on leaving the field).
        if (fieldDefinition is not null)
        {
            var arguments = fieldDefinition.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (argument.IsRequired && FindArgument(field.Arguments, argument.Name) is null)
                {
                    Report(
                        GraphQLMessages.MissingFieldArgument.With(fieldDefinition.Name, argument.Name, argument.Type.ToString()),
                        field);
                }
            }
        }
    }

    private void VisitFieldChildren(FieldNode field, NamedType? parentType, FieldDefinition? fieldDefinition, GraphQLType? type)
    {
        var arguments = field.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var definition = fieldDefinition?.GetArgument(argument.Name.Value);

            // KnownArgumentNames.
            if (definition is null && fieldDefinition is not null && parentType is not null)
            {
                var suggestions = HideSuggestions ? [] : Suggestions.List(argument.Name.Value, fieldDefinition.Arguments.Select(a => a.Name));
                Report(
                    GraphQLMessages.UnknownFieldArgument.With(argument.Name.Value, parentType.Name, fieldDefinition.Name,
                        Suggestions.DidYouMean(suggestions)),
                    argument);
            }

            VisitArgumentValue(argument, definition);
        }

        VisitDirectives(field.Directives, DirectiveLocation.Field, fieldDefinition);
        if (field.SelectionSet is { } selectionSet)
        {
            VisitSelectionSet(selectionSet, type is not null && type.IsOutputType() ? type : null, fieldDefinition, false);
        }
    }

    private void VisitFragmentSpread(FragmentSpreadNode spread, NamedType? parentType, FieldDefinition? enclosingField)
    {
        var fragment = _fragments.GetValueOrDefault(spread.Name.Value);

        // KnownFragmentNames.
        if (fragment is null)
        {
            Report(GraphQLMessages.UnknownFragment.With(spread.Name.Value), spread.Name);
        }

        // PossibleFragmentSpreads.
        if (fragment is not null && parentType is not null
            && _schema.TypeFromAst(fragment.TypeCondition) is NamedType fragmentType && fragmentType.IsCompositeType()
            && !_schema.DoTypesOverlap(fragmentType, parentType))
        {
            Report(
                GraphQLMessages.ImpossibleFragmentSpread.With(spread.Name.Value, parentType.Name, fragmentType.Name),
                spread);
        }

        // UniqueDirectivesPerLocation.
        CheckUniqueDirectives(spread.Directives, null);
        VisitDirectives(spread.Directives, DirectiveLocation.FragmentSpread, enclosingField);
    }

    private void VisitInlineFragment(InlineFragmentNode inline, GraphQLType? enclosingType, NamedType? parentType, FieldDefinition? enclosingField)
    {
        GraphQLType? fragmentType;
        if (inline.TypeCondition is { } condition)
        {
            var conditionType = _schema.TypeFromAst(condition);

            // FragmentsOnCompositeTypes.
            if (conditionType is not null && !conditionType.IsCompositeType())
            {
                Report(GraphQLMessages.InlineFragmentOnNonComposite.With(Printer.Print(condition)), condition);
            }

            fragmentType = conditionType;
        }
        else
        {
            fragmentType = enclosingType?.GetNamedType();
        }

        if (fragmentType is not null && !fragmentType.IsOutputType())
        {
            fragmentType = null;
        }

        // PossibleFragmentSpreads.
        if (fragmentType is NamedType named && named.IsCompositeType() && parentType is not null
            && !_schema.DoTypesOverlap(named, parentType))
        {
            Report(
                GraphQLMessages.ImpossibleInlineFragment.With(parentType.Name, named.Name),
                inline);
        }

        // UniqueDirectivesPerLocation.
        CheckUniqueDirectives(inline.Directives, null);

        if (inline.TypeCondition is { } typeCondition)
        {
            VisitTypeReference(typeCondition, isSdl: false);
        }

        VisitDirectives(inline.Directives, DirectiveLocation.InlineFragment, enclosingField);
        VisitSelectionSet(inline.SelectionSet, fragmentType, enclosingField, true);
    }

    // ---- Type references ----------------------------------------------------------------------------------------

    /// <summary>KnownTypeNames, for every named type inside a type reference.</summary>
    private void VisitTypeReference(TypeNode type, bool isSdl)
    {
        while (true)
        {
            switch (type)
            {
                case NonNullTypeNode nonNull:
                    type = nonNull.Type;
                    continue;
                case ListTypeNode list:
                    type = list.Type;
                    continue;
                case NamedTypeNode named:
                    CheckKnownType(named, isSdl);
                    return;
                default:
                    return;
            }
        }
    }

    private void CheckKnownType(NamedTypeNode node, bool isSdl)
    {
        var name = node.Name.Value;
        if (_schema.GetType(name) is not null || (_documentTypeNames?.Contains(name) ?? false))
        {
            return;
        }

        if (isSdl && IsStandardTypeName(name))
        {
            return;
        }

        IReadOnlyList<string> suggestions = [];
        if (!HideSuggestions)
        {
            IEnumerable<string> names = _schema.Types.Select(t => t.Name);
            if (_documentTypeNames is not null)
            {
                names = names.Concat(_documentTypeNames);
            }

            if (isSdl)
            {
                names = s_standardTypeNames.Concat(names);
            }

            suggestions = Suggestions.List(name, names);
        }

        Report(GraphQLMessages.UnknownType.With(name, Suggestions.DidYouMean(suggestions)), node);
    }

    private static readonly string[] s_standardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field",
        "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private static bool IsStandardTypeName(string name) => Array.IndexOf(s_standardTypeNames, name) >= 0;

    // ---- Suggestions for FieldsOnCorrectType --------------------------------------------------------------------

    private object FieldSuggestion(NamedType type, string fieldName)
    {
        if (HideSuggestions)
        {
            return string.Empty;
        }

        var typeSuggestion = Suggestions.DidYouMean(SuggestedTypeNames(type, fieldName), SuggestionKind.InlineFragment);
        if (typeSuggestion is GraphQLMessage)
        {
            return typeSuggestion;
        }

        return type is ComplexType complex
            ? Suggestions.DidYouMean(Suggestions.List(fieldName, complex.Fields.Select(f => f.Name)))
            : string.Empty;
    }

    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstractType())
        {
            return [];
        }

        var suggested = new List<ComplexType>();
        var usageCount = new Dictionary<ComplexType, int>();
        foreach (var possible in _schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            if (!usageCount.ContainsKey(possible))
            {
                suggested.Add(possible);
            }

            usageCount[possible] = 1;
            foreach (var implemented in possible.Interfaces)
            {
                if (implemented.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usageCount.TryGetValue(implemented, out var count))
                {
                    suggested.Add(implemented);
                }

                usageCount[implemented] = count + 1;
            }
        }

        return suggested
            .Order(Comparer<ComplexType>.Create((a, b) =>
            {
                var diff = usageCount[b] - usageCount[a];
                if (diff != 0)
                {
                    return diff;
                }

                if (a is InterfaceType && _schema.IsSubType(a, b))
                {
                    return -1;
                }

                if (b is InterfaceType && _schema.IsSubType(b, a))
                {
                    return 1;
                }

                return Suggestions.NaturalCompare(a.Name, b.Name);
            }))
            .Select(t => t.Name)
            .ToList();
    }

    // ---- Small helpers ------------------------------------------------------------------------------------------

    /// <summary>
    /// True when a selection set is only fields with distinct response keys: field merging then has nothing to compare
    /// and spends nothing, so the common case skips its bookkeeping (sub-selections are checked when walked).
    /// </summary>
    private static bool HasOnlyDistinctFields(IReadOnlyList<SelectionNode> selections)
    {
        if (selections.Count > 32)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var selection in selections)
            {
                if (selection is not FieldNode field || !keys.Add(field.ResponseKey))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode field)
            {
                return false;
            }

            var key = field.ResponseKey;
            for (var j = 0; j < i; j++)
            {
                if (((FieldNode)selections[j]).ResponseKey == key)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ArgumentNode? FindArgument(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name.Value == name)
            {
                return arguments[i];
            }
        }

        return null;
    }

    private void CheckUniqueVariableNames(IReadOnlyList<VariableDefinitionNode> definitions)
    {
        if (definitions.Count < 2)
        {
            return;
        }

        // Grouped by name in order of first appearance, one error per repeated name with every occurrence.
        var groups = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            if (!groups.TryGetValue(name, out var list))
            {
                groups[name] = list = [];
                order.Add(name);
            }

            list.Add(definition.Variable.Name);
        }

        foreach (var name in order)
        {
            if (groups[name].Count > 1)
            {
                Report(GraphQLMessages.DuplicateVariable.With(name), groups[name]);
            }
        }
    }

    private void CheckUniqueArguments(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        List<string>? reported = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].Name.Value;
            if (reported?.Contains(name) == true)
            {
                continue;
            }

            List<SyntaxNode>? group = null;
            for (var j = i + 1; j < arguments.Count; j++)
            {
                if (arguments[j].Name.Value == name)
                {
                    group ??= [arguments[i].Name];
                    group.Add(arguments[j].Name);
                }
            }

            if (group is not null)
            {
                (reported ??= []).Add(name);
                Report(GraphQLMessages.DuplicateArgument.With(name), group);
            }
        }
    }

    /// <summary>
    /// UniqueDirectivesPerLocation for one node's directives. <paramref name="seen"/> is shared between a type's
    /// definition and its extensions (SDL); null means a fresh set for this node.
    /// </summary>
    private void CheckUniqueDirectives(IReadOnlyList<DirectiveNode> directives, Dictionary<string, DirectiveNode>? seen)
    {
        if (directives.Count == 0 || (directives.Count == 1 && seen is null))
        {
            return;
        }

        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            var name = directive.Name.Value;
            if (!IsUniqueDirective(name))
            {
                continue;
            }

            DirectiveNode? first = null;
            if (seen is not null)
            {
                if (!seen.TryAdd(name, directive))
                {
                    first = seen[name];
                }
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (directives[j].Name.Value == name)
                    {
                        first = directives[j];
                        break;
                    }
                }
            }

            if (first is not null)
            {
                Report(GraphQLMessages.DuplicateDirective.With(name), first, directive);
            }
        }
    }

    private bool IsUniqueDirective(string name)
    {
        if (_documentDirectives is not null && _documentDirectives.TryGetValue(name, out var defined))
        {
            return !defined.Repeatable;
        }

        return _schema.GetDirective(name) is { IsRepeatable: false };
    }

    /// <summary>The fragment spreads in a selection set, not following fragments, in graphql-js's order.</summary>
    internal List<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreadsCache.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = [];
        var stack = new Stack<SelectionSetNode>();
        stack.Push(selectionSet);
        while (stack.TryPop(out var set))
        {
            var selections = set.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        stack.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreadsCache[selectionSet] = spreads;
        return spreads;
    }

    private readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault, GraphQLType? ParentType);

    private sealed class OperationRecord(OperationDefinitionNode node, int enterIndex)
    {
        public OperationDefinitionNode Node { get; } = node;

        /// <summary>How many errors had been reported when the walk entered and left this operation.</summary>
        public int EnterIndex { get; } = enterIndex;

        public int LeaveIndex { get; set; }

        public List<VariableUsage> Usages { get; set; } = [];

        public List<VariableDefinitionNode> Definitions { get; } = [];

        public Dictionary<string, VariableDefinitionNode> DefinitionsByName { get; } = new(StringComparer.Ordinal);

        /// <summary>graphql-js's fragment-work cost of SingleFieldSubscriptions for this operation.</summary>
        public int SubscriptionWork { get; set; }

        public bool Completed { get; set; }
    }
}

/// <summary>Unwinds the walk when the error cap or a work budget is reached.</summary>
internal sealed class ValidationAbortedException(bool tooManyErrors) : Exception
{
    public bool TooManyErrors { get; } = tooManyErrors;
}
