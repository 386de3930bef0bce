using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Validation;

// Rules that look across definitions: SingleFieldSubscriptions, NoFragmentCycles, MaxIntrospectionDepth, and the
// ones finished after the walk (NoUndefinedVariables, NoUnusedVariables, VariablesInAllowedPosition,
// NoUnusedFragments), with graphql-js's fragment-work budget.
internal sealed partial class DocumentValidation
{
    private const int FragmentWorkBudget = 50_000;
    private const int MaxIntrospectionListDepth = 3;

    private readonly HashSet<string> _cycleVisited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndex = new(StringComparer.Ordinal);
    private bool _subscriptionFragmentsCounted;
    private int _introspectionDepthSkip;
    private Dictionary<string, int>? _introspectionChecked;
    private Dictionary<string, int>? _introspectionExceeded;

    // ---- SingleFieldSubscriptions -------------------------------------------------------------------------------

    private void CheckSingleFieldSubscription(OperationDefinitionNode operation, ObjectType subscriptionType, OperationRecord record)
    {
        var work = 0;
        if (!_subscriptionFragmentsCounted)
        {
            _subscriptionFragmentsCounted = true;
            work += _document.Definitions.Count;
        }

        var keys = new List<string>();
        var fields = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        CollectSubscriptionFields(subscriptionType, operation.SelectionSet, keys, fields, visited, ref work);
        record.SubscriptionWork = work;

        var name = operation.Name?.Value;
        if (keys.Count > 1)
        {
            var extra = new List<SyntaxNode>();
            for (var i = 1; i < keys.Count; i++)
            {
                extra.AddRange(fields[keys[i]]);
            }

            Report(
                name is not null
                    ? GraphQLMessages.SubscriptionSingleRoot.With(name)
                    : GraphQLMessages.AnonymousSubscriptionSingleRoot.With(),
                extra);
        }

        foreach (var key in keys)
        {
            var nodes = fields[key];
            if (((FieldNode)nodes[0]).Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Report(
                    name is not null
                        ? GraphQLMessages.SubscriptionIntrospectionRoot.With(name)
                        : GraphQLMessages.AnonymousSubscriptionIntrospectionRoot.With(),
                    nodes);
            }
        }
    }

    /// <summary>Execution's CollectFields with no variable values, as graphql-js runs it for this rule.</summary>
    private void CollectSubscriptionFields(
        ObjectType runtimeType,
        SelectionSetNode selectionSet,
        List<string> keys,
        Dictionary<string, List<SyntaxNode>> fields,
        HashSet<string> visited,
        ref int work)
    {
        var selections = selectionSet.Selections;
        work += selections.Count;
        for (var i = 0; i < selections.Count; i++)
        {
            var directives = selections[i].Directives;
            work += directives.Count;
            foreach (var directive in directives)
            {
                if (directive.Name.Value is "skip" or "include")
                {
                    work += directive.Arguments.Count;
                }
            }
        }

        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            switch (selection)
            {
                case FieldNode field:
                    if (!ShouldInclude(field))
                    {
                        continue;
                    }

                    var key = field.ResponseKey;
                    if (!fields.TryGetValue(key, out var list))
                    {
                        fields[key] = list = [];
                        keys.Add(key);
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (!ShouldInclude(inline) || !FragmentConditionMatches(inline.TypeCondition, runtimeType))
                    {
                        continue;
                    }

                    CollectSubscriptionFields(runtimeType, inline.SelectionSet, keys, fields, visited, ref work);
                    break;
                case FragmentSpreadNode spread:
                    if (visited.Contains(spread.Name.Value) || !ShouldInclude(spread))
                    {
                        continue;
                    }

                    visited.Add(spread.Name.Value);
                    if (!_fragments.TryGetValue(spread.Name.Value, out var fragment)
                        || !FragmentConditionMatches(fragment.TypeCondition, runtimeType))
                    {
                        continue;
                    }

                    CollectSubscriptionFields(runtimeType, fragment.SelectionSet, keys, fields, visited, ref work);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>@skip</c>/<c>@include</c> with literal conditions; a variable condition has no value during validation and
    /// includes the selection (graphql-js throws there instead).
    /// </summary>
    private static bool ShouldInclude(SelectionNode selection)
    {
        var directives = selection.Directives;
        if (directives.Count == 0)
        {
            return true;
        }

        if (FirstDirective(directives, "skip") is { } skip && LastArgument(skip.Arguments, "if") is BooleanValueNode { Value: true })
        {
            return false;
        }

        return !(FirstDirective(directives, "include") is { } include
            && LastArgument(include.Arguments, "if") is BooleanValueNode { Value: false });
    }

    private static DirectiveNode? FirstDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }

    private static ValueNode? LastArgument(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (var i = arguments.Count - 1; i >= 0; i--)
        {
            if (arguments[i].Name.Value == name)
            {
                return arguments[i].Value;
            }
        }

        return null;
    }

    private bool FragmentConditionMatches(NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = _schema.GetType(condition.Name.Value);
        if (ReferenceEquals(conditionType, type))
        {
            return true;
        }

        return conditionType is not null && conditionType.IsAbstractType() && _schema.IsSubType(conditionType, type);
    }

    // ---- NoFragmentCycles ---------------------------------------------------------------------------------------

    private void DetectFragmentCycles(FragmentDefinitionNode fragment)
    {
        var name = fragment.Name.Value;
        if (!_cycleVisited.Add(name))
        {
            return;
        }

        var spreads = GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        // Fragment chains are as long as the document allows; stop rather than overflow the stack.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ValidationAbortedException(tooManyErrors: false);
        }

        _spreadPathIndex[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndex.TryGetValue(spreadName, out var cycleIndex))
            {
                if (_fragments.TryGetValue(spreadName, out var spreadFragment))
                {
                    DetectFragmentCycles(spreadFragment);
                }
            }
            else
            {
                var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                Report(
                    cyclePath.Count > 1
                        ? GraphQLMessages.FragmentCycleVia.With(spreadName,
                            string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => "\"" + s.Name.Value + "\"")))
                        : GraphQLMessages.FragmentCycle.With(spreadName),
                    cyclePath);
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndex.Remove(name);
    }

    // ---- MaxIntrospectionDepth ----------------------------------------------------------------------------------

    private bool IntrospectionDepthExceeded(FieldNode root) =>
        CheckIntrospectionDepth(root, new Dictionary<string, int>(StringComparer.Ordinal), 0);

    private bool CheckIntrospectionDepth(SelectionNode node, Dictionary<string, int> visited, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            _introspectionChecked ??= new Dictionary<string, int>(StringComparer.Ordinal);
            _introspectionExceeded ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (_introspectionExceeded.TryGetValue(name, out var exceededAt) && exceededAt <= depth)
            {
                return true;
            }

            if ((visited.TryGetValue(name, out var visitedAt) && visitedAt >= depth)
                || (_introspectionChecked.TryGetValue(name, out var checkedAt) && checkedAt >= depth))
            {
                return false;
            }

            if (!_fragments.TryGetValue(name, out var fragment))
            {
                return false;
            }

            visited[name] = depth;
            if (CheckIntrospectionSelections(fragment.SelectionSet, visited, depth))
            {
                _introspectionExceeded[name] = depth;
                return true;
            }

            _introspectionChecked[name] = depth;
            return false;
        }

        if (node is FieldNode field)
        {
            if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields")
            {
                depth++;
                if (depth >= MaxIntrospectionListDepth)
                {
                    return true;
                }
            }

            return field.SelectionSet is { } set && CheckIntrospectionSelections(set, visited, depth);
        }

        return node is InlineFragmentNode inline && CheckIntrospectionSelections(inline.SelectionSet, visited, depth);
    }

    private bool CheckIntrospectionSelections(SelectionSetNode set, Dictionary<string, int> visited, int depth)
    {
        foreach (var child in set.Selections)
        {
            if (CheckIntrospectionDepth(child, visited, depth))
            {
                return true;
            }
        }

        return false;
    }

    // ---- Rules finished after the walk --------------------------------------------------------------------------

    /// <summary>
    /// Runs the rules graphql-js runs on leaving each operation and the document, and merges their errors with the
    /// walk's at the places graphql-js reports them.
    /// </summary>
    private List<GraphQLError> CompleteDeferredRules(bool walkAborted, out bool budgetExceeded)
    {
        budgetExceeded = false;
        var result = new List<GraphQLError>(_errors.Count);
        var work = FragmentWorkBudget;
        var referencedCache = new Dictionary<string, List<FragmentDefinitionNode>>(StringComparer.Ordinal);
        var usagesCache = new Dictionary<string, List<VariableUsage>>(StringComparer.Ordinal);
        var index = 0;

        foreach (var operation in _operations)
        {
            if (!operation.Completed)
            {
                break;
            }

            work -= operation.SubscriptionWork;
            if (work < 0)
            {
                Append(result, index, operation.EnterIndex);
                budgetExceeded = true;
                return result;
            }

            Append(result, index, operation.LeaveIndex);
            index = operation.LeaveIndex;

            // getRecursiveVariableUsages, with graphql-js's caching and costs.
            var names = DirectSpreadNames([operation.Node]);
            var key = SetKey(names);
            var fragments = GetReferencedFragments(names, key, referencedCache, ref work);
            if (!usagesCache.TryGetValue(key, out var fragmentUsages))
            {
                work -= fragments.Count;
                fragmentUsages = [];
                foreach (var fragment in fragments)
                {
                    if (_fragmentUsages.TryGetValue(fragment, out var local))
                    {
                        work -= local.Count;
                        fragmentUsages.AddRange(local);
                    }
                }

                usagesCache[key] = fragmentUsages;
            }

            work -= fragmentUsages.Count;
            if (work < 0)
            {
                budgetExceeded = true;
                return result;
            }

            var usages = new List<VariableUsage>(operation.Usages.Count + fragmentUsages.Count);
            usages.AddRange(operation.Usages);
            usages.AddRange(fragmentUsages);
            ReportVariableRules(operation, usages, result);
        }

        Append(result, index, _errors.Count);
        if (walkAborted)
        {
            return result;
        }

        // NoUnusedFragments, on leaving the document.
        var allNames = DirectSpreadNames(_operations.Select(o => o.Node));
        var used = GetReferencedFragments(allNames, SetKey(allNames), referencedCache, ref work);
        if (work < 0)
        {
            budgetExceeded = true;
            return result;
        }

        var usedNames = new HashSet<string>(used.Select(f => f.Name.Value), StringComparer.Ordinal);
        foreach (var fragment in _fragmentDefinitions)
        {
            if (!usedNames.Contains(fragment.Name.Value))
            {
                result.Add(GraphQLError.At(GraphQLMessages.UnusedFragment.With(fragment.Name.Value), fragment));
            }
        }

        return result;
    }

    private void Append(List<GraphQLError> result, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            result.Add(_errors[i]);
        }
    }

    private List<string> DirectSpreadNames(IEnumerable<OperationDefinitionNode> operations)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (seen.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }

        return names;
    }

    private static string SetKey(List<string> names)
    {
        var sorted = names.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return string.Join(",", sorted);
    }

    /// <summary>The fragments reachable from the given spread names, breadth first (graphql-js 16's order).</summary>
    private List<FragmentDefinitionNode> GetReferencedFragments(
        List<string> names, string key, Dictionary<string, List<FragmentDefinitionNode>> cache, ref int work)
    {
        if (cache.TryGetValue(key, out var fragments))
        {
            return fragments;
        }

        fragments = [];
        work -= names.Count;
        var collected = new List<string>(names);
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        for (var i = 0; i < collected.Count; i++)
        {
            if (_fragments.TryGetValue(collected[i], out var fragment))
            {
                fragments.Add(fragment);
                var spreads = GetFragmentSpreads(fragment.SelectionSet);
                work -= spreads.Count;
                foreach (var spread in spreads)
                {
                    if (seen.Add(spread.Name.Value))
                    {
                        collected.Add(spread.Name.Value);
                    }
                }
            }
        }

        cache[key] = fragments;
        return fragments;
    }

    private void ReportVariableRules(OperationRecord operation, List<VariableUsage> usages, List<GraphQLError> result)
    {
        var node = operation.Node;
        var operationName = node.Name?.Value;

        // NoUndefinedVariables.
        foreach (var usage in usages)
        {
            var name = usage.Node.Name.Value;
            if (!operation.DefinitionsByName.ContainsKey(name))
            {
                result.Add(GraphQLError.At(
                    operationName is not null
                        ? GraphQLMessages.UndefinedVariableInOperation.With(name, operationName)
                        : GraphQLMessages.UndefinedVariable.With(name),
                    usage.Node,
                    node));
            }
        }

        // NoUnusedVariables.
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in usages)
        {
            usedNames.Add(usage.Node.Name.Value);
        }

        foreach (var definition in operation.Definitions)
        {
            var name = definition.Variable.Name.Value;
            if (!usedNames.Contains(name))
            {
                result.Add(GraphQLError.At(
                    operationName is not null
                        ? GraphQLMessages.UnusedVariableInOperation.With(name, operationName)
                        : GraphQLMessages.UnusedVariable.With(name),
                    definition));
            }
        }

        // VariablesInAllowedPosition.
        foreach (var usage in usages)
        {
            var name = usage.Node.Name.Value;
            if (usage.Type is null || !operation.DefinitionsByName.TryGetValue(name, out var definition))
            {
                continue;
            }

            var variableType = _schema.TypeFromAst(definition.Type);
            if (variableType is null)
            {
                continue;
            }

            if (!IsAllowedVariableUsage(variableType, definition.DefaultValue, usage.Type, usage.HasLocationDefault))
            {
                result.Add(GraphQLError.At(
                    GraphQLMessages.VariablePosition.With(name, variableType.ToString(), usage.Type.ToString()),
                    definition,
                    usage.Node));
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                result.Add(GraphQLError.At(
                    GraphQLMessages.OneOfVariableNullable.With(name, variableType.ToString(), oneOf.Name),
                    definition,
                    usage.Node));
            }
        }
    }

    private bool IsAllowedVariableUsage(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !hasLocationDefault)
            {
                return false;
            }

            return _schema.IsTypeSubTypeOf(variableType, nonNullLocation.OfType);
        }

        return _schema.IsTypeSubTypeOf(variableType, locationType);
    }

    // ---- Type system definitions inside an executable document --------------------------------------------------

    private Dictionary<string, DirectiveNode>? _schemaDirectivesSeen;
    private Dictionary<string, Dictionary<string, DirectiveNode>>? _typeDirectivesSeen;

    /// <summary>
    /// graphql-js reports these as not executable and still runs the other rules over them (unknown types and
    /// directives, directive arguments and values, input field names).
    /// </summary>
    private void VisitTypeSystemDefinition(DefinitionNode definition) => new TypeSystemWalker(this).Visit(definition);

    private sealed class TypeSystemWalker(DocumentValidation validation) : SyntaxWalker
    {
        private readonly List<SyntaxNode> _ancestors = [];

        public override void Visit(SyntaxNode node)
        {
            switch (node)
            {
                case DirectiveNode directive:
                    validation.VisitDirective(directive, LocationOf(), null);
                    return;
                case ValueNode value:
                    validation.VisitValue(value, null, null, null, checkValues: true);
                    return;
                case NamedTypeNode named:
                    validation.CheckKnownType(named, isSdl: true);
                    return;
                default:
                    base.Visit(node);
                    return;
            }
        }

        protected override void Enter(SyntaxNode node)
        {
            _ancestors.Add(node);
            if (node is IHasDirectivesNode owner)
            {
                validation.CheckUniqueDirectives(owner.Directives, SeenFor(node));
            }
        }

        protected override void Leave(SyntaxNode node) => _ancestors.RemoveAt(_ancestors.Count - 1);

        private Dictionary<string, DirectiveNode>? SeenFor(SyntaxNode node)
        {
            switch (node)
            {
                case SchemaDefinitionNode or SchemaExtensionNode:
                    return validation._schemaDirectivesSeen ??= new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                case TypeDefinitionNode or TypeExtensionNode:
                    var name = node is TypeDefinitionNode d ? d.Name.Value : ((TypeExtensionNode)node).Name.Value;
                    var byType = validation._typeDirectivesSeen ??= new Dictionary<string, Dictionary<string, DirectiveNode>>(StringComparer.Ordinal);
                    if (!byType.TryGetValue(name, out var seen))
                    {
                        byType[name] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                    }

                    return seen;
                default:
                    return null;
            }
        }

        private DirectiveLocation? LocationOf()
        {
            if (_ancestors.Count == 0)
            {
                return null;
            }

            return _ancestors[^1] switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
                FieldDefinitionNode => DirectiveLocation.FieldDefinition,
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
                UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
                EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
                EnumValueDefinitionNode => DirectiveLocation.EnumValue,
                InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
                InputValueDefinitionNode => _ancestors.Count > 1 && _ancestors[^2] is InputObjectTypeDefinitionNode
                    ? DirectiveLocation.InputFieldDefinition
                    : DirectiveLocation.ArgumentDefinition,
                DirectiveDefinitionNode => DirectiveLocation.DirectiveDefinition,
                _ => null,
            };
        }
    }
}
