using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Validation;

/// <summary>
/// OverlappingFieldsCanBeMerged (spec "Field Selection Merging"), as graphql-js 16 implements it: fields collected per
/// (parent type, selection set) once and cached, fragment pairs compared once per exclusivity, comparisons between two
/// fields memoised, and a complexity budget after which validation is aborted, so hostile documents cannot make it
/// exponential. One instance serves a whole validation run, so the caches span the document.
/// </summary>
internal sealed class OverlappingFieldsChecker(Schema schema, Dictionary<string, FragmentDefinitionNode> fragments)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int ComplexityBudget = 500_000;

    private readonly Dictionary<(GraphQLType?, SelectionSetNode), CollectResult> _collected = new(KeyComparer.Instance);
    private readonly Dictionary<string, Dictionary<string, bool>> _comparedFragmentPairs = new(StringComparer.Ordinal);
    private readonly Dictionary<ValueNode, string> _stringified = new(ReferenceEqualityComparer.Instance);
    private static readonly Overlap[] s_noOverlap = [];
    private readonly Stack<List<Conflict>> _conflictListPool = new();

    private int _budget = ComplexityBudget;

    /// <summary>The conflicts within one selection set (including the fragments it spreads).</summary>
    public List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var result = CollectFields(parentType, selectionSet);
        CollectConflictsWithin(conflicts, result);
        var names = result.FragmentNames;
        if (names.Count != 0 && (result.Count != 0 || names.Count > 1))
        {
            for (var i = 0; i < names.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, result, names[i]);
                for (var j = i + 1; j < names.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, names[i], names[j]);
                }
            }
        }

        return conflicts;
    }

    public static GraphQLMessage Message(Conflict conflict) =>
        GraphQLMessages.FieldsConflict.With(Abbreviate(conflict.ResponseName), conflict.Reason);

    private static readonly GraphQLMessage s_differingArguments = GraphQLMessages.ConflictDifferingArguments.With();

    private void Spend(int cost)
    {
        _budget -= cost;
        if (_budget < 0)
        {
            throw new ValidationAbortedException(tooManyErrors: false);
        }
    }

    private void CollectConflictsBetweenFieldsAndFragment(
        List<Conflict> conflicts, bool mutuallyExclusive, CollectResult result, string fragmentName)
    {
        Spend(1);
        if (result.Count == 0)
        {
            return;
        }

        var compared = result.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (compared.TryGetValue(fragmentName, out var previous) && (!previous || mutuallyExclusive))
        {
            return;
        }

        compared[fragmentName] = mutuallyExclusive;
        if (!fragments.TryGetValue(fragmentName, out var fragment))
        {
            return;
        }

        var result2 = CollectFragmentFields(fragment);
        if (ReferenceEquals(result, result2))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, result, result2);
        foreach (var referenced in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, result, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string name1, string name2)
    {
        Spend(2);
        if (name1 == name2 || PairsHas(name1, name2, mutuallyExclusive))
        {
            return;
        }

        PairsAdd(name1, name2, mutuallyExclusive);
        if (!fragments.TryGetValue(name1, out var fragment1) || !fragments.TryGetValue(name2, out var fragment2))
        {
            return;
        }

        var result1 = CollectFragmentFields(fragment1);
        var result2 = CollectFragmentFields(fragment2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, result1, result2);
        foreach (var referenced2 in result2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, referenced2);
        }

        foreach (var referenced1 in result1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, referenced1, name2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode set1, NamedType? parentType2, SelectionSetNode set2)
    {
        var conflicts = _conflictListPool.TryPop(out var pooled) ? pooled : [];
        var result1 = CollectFields(parentType1, set1);
        var result2 = CollectFields(parentType2, set2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, result1, result2);
        foreach (var name2 in result2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, result1, name2);
        }

        foreach (var name1 in result1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, result2, name1);
        }

        foreach (var name1 in result1.FragmentNames)
        {
            foreach (var name2 in result2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, CollectResult result)
    {
        foreach (var key in result.Keys)
        {
            var fields = result.Fields[key];
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, key, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentsMutuallyExclusive, CollectResult result1, CollectResult result2)
    {
        if (result1.Count == 0 || result2.Count == 0)
        {
            return;
        }

        foreach (var (responseName, fields1, fields2) in GetOverlappingFields(result1, result2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentsMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Overlap[] GetOverlappingFields(CollectResult result1, CollectResult result2)
    {
        var byResult = result1.OverlappingFields ??= new Dictionary<CollectResult, Overlap[]>(
            ReferenceEqualityComparer.Instance);
        if (byResult.TryGetValue(result2, out var cached))
        {
            return cached;
        }

        List<Overlap>? found = null;
        foreach (var key in result1.Keys)
        {
            Spend(1);
            if (result2.Fields.TryGetValue(key, out var fields2))
            {
                (found ??= []).Add(new Overlap(key, result1.Fields[key], fields2));
            }
        }

        var overlapping = found is null ? s_noOverlap : found.ToArray();

        byResult[result2] = overlapping;
        return overlapping;
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, FieldDetails field1, FieldDetails field2)
    {
        var mutuallyExclusive = parentsMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && ReferenceEquals(field1.Definition?.Type, field2.Definition?.Type)
            && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!mutuallyExclusive)
        {
            GraphQLMessage? reason;
            if (node1.Name.Value == node2.Name.Value && node1.Arguments.Count == 0)
            {
                // Free to recompute (no budget is spent comparing no arguments), so not memoised.
                reason = node2.Arguments.Count == 0 ? null : s_differingArguments;
            }
            else
            {
                var info1 = field1.GetInfo();
                var info2 = field2.GetInfo();
                if (!info1.Comparisons.TryGetValue(info2, out reason))
                {
                    reason = node1.Name.Value != node2.Name.Value
                        ? GraphQLMessages.ConflictDifferentFields.With(Abbreviate(node1.Name.Value), Abbreviate(node2.Name.Value))
                        : SameArguments(node1.Arguments, node2.Arguments) ? null : s_differingArguments;
                    info1.Comparisons[info2] = reason;
                }
            }

            if (reason is not null)
            {
                return new Conflict(responseName, reason, [node1], [node2]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            var info1 = field1.GetInfo();
            var info2 = field2.GetInfo();
            var typeString1 = info1.TypeString ??= type1.ToString();
            var typeString2 = info2.TypeString ??= type2.ToString();
            return new Conflict(responseName, GraphQLMessages.ConflictTypes.With(typeString1, typeString2), [node1], [node2]);
        }

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                mutuallyExclusive, field1.GetInfo().NamedType, set1, field2.GetInfo().NamedType, set2);
            var conflict = SubfieldConflicts(conflicts, responseName, node1, node2);

            // The nested conflicts live on only through the combined one, so the list is reused.
            conflicts.Clear();
            _conflictListPool.Push(conflicts);
            return conflict;
        }

        return null;
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        // "subfields "a" conflict because … and subfields "b" conflict because …", as graphql-js words it; when the
        // English is cut short (past MaxConflictDetailLength), the cut English text is all that is left to give.
        GraphQLMessage? message = null;
        var length = 0;
        foreach (var conflict in conflicts)
        {
            var part = GraphQLMessages.ConflictSubfields.With(Abbreviate(conflict.ResponseName), conflict.Reason);
            message = message is null ? part : GraphQLMessages.ConflictAnd.With(message, part);
            length = message.ToString().Length;
            if (length > MaxConflictDetailLength)
            {
                break;
            }
        }

        var reason = message!; // conflicts is not empty
        var english = reason.ToString();
        return new Conflict(
            responseName,
            english.Length > MaxConflictDetailLength ? GraphQLMessages.Verbatim.With(Abbreviate(english)) : reason,
            CollectConflictNodes(node1, conflicts, first: true),
            CollectConflictNodes(node2, conflicts, first: false));
    }

    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            var remaining = MaxConflictNodes - nodes.Count;

            // The locations nearest the conflict are kept (graphql-js takes them from the end).
            var start = Math.Max(0, side.Count - remaining);
            for (var i = start; i < side.Count; i++)
            {
                nodes.Add(side[i]);
            }

            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? string.Concat(text.AsSpan(0, MaxConflictDetailLength), "...") : text;

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count == 0)
        {
            return arguments2.Count == 0;
        }

        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            Spend(1);

            // The last argument of a name wins, as in graphql-js's map of the second field's arguments.
            ValueNode? value2 = null;
            for (var i = arguments2.Count - 1; i >= 0; i--)
            {
                if (arguments2[i].Name.Value == argument1.Name.Value)
                {
                    value2 = arguments2[i].Value;
                    break;
                }
            }

            if (value2 is null || Stringify(argument1.Value) != Stringify(value2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A canonical text of a value: object fields sorted by name, strings with their block flag.</summary>
    private string Stringify(ValueNode value)
    {
        if (_stringified.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var builder = new StringBuilder();
        Write(builder, value);
        var result = builder.ToString();
        _stringified[value] = result;
        return result;

        static void Write(StringBuilder builder, ValueNode value)
        {
            switch (value)
            {
                case VariableNode variable:
                    builder.Append("[V,").Append(JsonSerializer.Serialize(variable.Name.Value)).Append(']');
                    break;
                case ObjectValueNode obj:
                    builder.Append("[O,[");
                    var sorted = obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < sorted.Count; i++)
                    {
                        builder.Append(i == 0 ? "[" : ",[").Append(JsonSerializer.Serialize(sorted[i].Name.Value)).Append(',');
                        Write(builder, sorted[i].Value);
                        builder.Append(']');
                    }

                    builder.Append("]]");
                    break;
                case ListValueNode list:
                    builder.Append("[L,[");
                    for (var i = 0; i < list.Values.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Write(builder, list.Values[i]);
                    }

                    builder.Append("]]");
                    break;
                case StringValueNode s:
                    builder.Append("[S,").Append(JsonSerializer.Serialize(s.Value)).Append(s.Block ? ",true]" : ",false]");
                    break;
                case IntValueNode i:
                    builder.Append("[I,").Append(i.Value).Append(']');
                    break;
                case FloatValueNode f:
                    builder.Append("[F,").Append(f.Value).Append(']');
                    break;
                case BooleanValueNode b:
                    builder.Append(b.Value ? "[B,true]" : "[B,false]");
                    break;
                case EnumValueNode e:
                    builder.Append("[E,").Append(e.Value).Append(']');
                    break;
                default:
                    builder.Append("[N,null]");
                    break;
            }
        }
    }

    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            if (ReferenceEquals(type1, type2))
            {
                return false;
            }

            if (type1 is ListType list1)
            {
                if (type2 is not ListType list2)
                {
                    return true;
                }

                type1 = list1.OfType;
                type2 = list2.OfType;
                continue;
            }

            if (type2 is ListType)
            {
                return true;
            }

            if (type1 is NonNullType nonNull1)
            {
                if (type2 is not NonNullType nonNull2)
                {
                    return true;
                }

                type1 = nonNull1.OfType;
                type2 = nonNull2.OfType;
                continue;
            }

            if (type2 is NonNullType)
            {
                return true;
            }

            return (type1.IsLeafType() || type2.IsLeafType()) && !ReferenceEquals(type1, type2);
        }
    }

    private CollectResult CollectFields(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue((parentType, selectionSet), out var cached))
        {
            return cached;
        }

        var result = new CollectResult();
        CollectFieldsImpl(parentType, selectionSet, result);
        _collected[(parentType, selectionSet)] = result;
        return result;
    }

    private CollectResult CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(schema.TypeFromAst(fragment.TypeCondition), fragment.SelectionSet);

    private void CollectFieldsImpl(GraphQLType? parentType, SelectionSetNode selectionSet, CollectResult result)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    result.Add(field.ResponseKey, new FieldDetails(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    result.AddFragmentName(spread.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? schema.TypeFromAst(condition) : parentType;
                    CollectFieldsImpl(inlineType, inline.SelectionSet, result);
                    break;
            }
        }
    }

    private bool PairsHas(string a, string b, bool mutuallyExclusive) =>
        PairHas(a, b, mutuallyExclusive) || PairHas(b, a, mutuallyExclusive);

    private bool PairHas(string a, string b, bool mutuallyExclusive)
    {
        if (!_comparedFragmentPairs.TryGetValue(a, out var inner) || !inner.TryGetValue(b, out var stored))
        {
            return false;
        }

        // Compared as not exclusive covers the exclusive case too, but not the reverse.
        return mutuallyExclusive || stored == mutuallyExclusive;
    }

    private void PairsAdd(string a, string b, bool mutuallyExclusive)
    {
        if (!_comparedFragmentPairs.TryGetValue(a, out var inner))
        {
            _comparedFragmentPairs[a] = inner = new Dictionary<string, bool>(StringComparer.Ordinal);
        }

        inner[b] = mutuallyExclusive;
    }

    private readonly record struct Overlap(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2);

    /// <summary>A conflict: the response name, why, and the fields on each side.</summary>
    internal sealed record Conflict(string ResponseName, GraphQLMessage Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class CollectResult
    {
        public List<string> Keys { get; } = [];

        public Dictionary<string, List<FieldDetails>> Fields { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public int Count => Keys.Count;

        public Dictionary<string, bool>? ComparedFragments { get; set; }

        public Dictionary<CollectResult, Overlap[]>? OverlappingFields { get; set; }

        public void Add(string key, FieldDetails details)
        {
            if (!Fields.TryGetValue(key, out var list))
            {
                Fields[key] = list = [];
                Keys.Add(key);
            }

            list.Add(details);
        }

        public void AddFragmentName(string name)
        {
            if (!FragmentNames.Contains(name))
            {
                FragmentNames.Add(name);
            }
        }
    }

    private sealed class FieldDetails(GraphQLType? parentType, FieldNode node, FieldDefinition? definition)
    {
        private FieldInfo? _info;

        public GraphQLType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public FieldDefinition? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

        public FieldInfo GetInfo() => _info ??= new FieldInfo(Definition?.Type.GetNamedType());
    }

    private sealed class FieldInfo(NamedType? namedType)
    {
        public Dictionary<FieldInfo, GraphQLMessage?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);

        public NamedType? NamedType { get; } = namedType;

        public string? TypeString { get; set; }
    }

    private sealed class KeyComparer : IEqualityComparer<(GraphQLType?, SelectionSetNode)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((GraphQLType?, SelectionSetNode) x, (GraphQLType?, SelectionSetNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((GraphQLType?, SelectionSetNode) obj) =>
            HashCode.Combine(obj.Item1 is null ? 0 : RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
