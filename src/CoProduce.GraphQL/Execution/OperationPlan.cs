using System.Collections.Concurrent;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// A parsed (and validated) document prepared for execution. It is cached with the document and shared by
/// concurrent requests: everything worked out lazily here (operations, collected fields, constant arguments,
/// property accessors) is published once and then only read.
/// </summary>
public sealed class PreparedDocument
{
    private readonly ConcurrentDictionary<string, OperationPlan> _plans = new(StringComparer.Ordinal);
    private OperationPlan? _anonymousPlan;

    internal PreparedDocument(Schema schema, DocumentNode document)
    {
        Schema = schema;
        Document = document;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        var operations = new List<OperationDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case FragmentDefinitionNode fragment:
                    fragments.TryAdd(fragment.Name.Value, fragment);
                    break;
                case OperationDefinitionNode operation:
                    operations.Add(operation);
                    break;
            }
        }

        Fragments = fragments;
        Operations = operations;
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>The text the document was parsed from (the cache compares it on every hit).</summary>
    public string? Text { get; internal init; }

    /// <summary>Validation errors found when the document was prepared (empty for a valid document).</summary>
    public IReadOnlyList<GraphQLError> ValidationErrors { get; internal init; } = [];

    internal IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    internal IReadOnlyList<OperationDefinitionNode> Operations { get; }

    /// <summary>The plan of the operation to run (graphql-js's <c>getOperation</c> rules and messages).</summary>
    internal OperationPlan? GetOperation(string? operationName, out GraphQLError? error)
    {
        error = null;
        if (string.IsNullOrEmpty(operationName))
        {
            if (_anonymousPlan is { } cached)
            {
                return cached;
            }

            if (Operations.Count == 0)
            {
                error = new GraphQLError(GraphQLMessages.MustProvideOperation.With());
                return null;
            }

            if (Operations.Count > 1)
            {
                error = new GraphQLError(GraphQLMessages.MustProvideOperationName.With());
                return null;
            }

            return _anonymousPlan = CreatePlan(Operations[0], out error);
        }

        if (_plans.TryGetValue(operationName, out var plan))
        {
            return plan;
        }

        foreach (var operation in Operations)
        {
            if (operation.Name?.Value == operationName)
            {
                plan = CreatePlan(operation, out error);
                return plan is null ? null : _plans.GetOrAdd(operationName, plan);
            }
        }

        error = new GraphQLError(GraphQLMessages.UnknownOperation.With(operationName));
        return null;
    }

    private OperationPlan? CreatePlan(OperationDefinitionNode operation, out GraphQLError? error)
    {
        error = null;
        var rootType = Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            error = GraphQLError.At(GraphQLMessages.OperationTypeNotConfigured.With(operation.Operation.ToKeyword()), operation);
            return null;
        }

        return new OperationPlan(this, operation, rootType);
    }
}

/// <summary>One operation of a prepared document: its root type and (when variables do not affect it) its root fields.</summary>
internal sealed class OperationPlan(PreparedDocument document, OperationDefinitionNode operation, ObjectType rootType)
{
    private SelectionPlan? _root;
    private readonly ConditionalPlans _conditionalRoots = new();

    public PreparedDocument Document { get; } = document;

    public OperationDefinitionNode Operation { get; } = operation;

    public ObjectType RootType { get; } = rootType;

    /// <summary>Cached result of the static limit checks (depth, fields, aliases); null until checked.</summary>
    public GraphQLError? LimitError { get; set; }

    public bool LimitsChecked { get; set; }

    // Limit results that depend on slicing-argument variables (the cost), each with the values it was measured under.
    private const int MaxLimitResults = 8;
    private (SliceVariable[] Reads, GraphQLError? Error)[] _limitResults = [];

    /// <summary>A limit result measured before under the same slicing values; false when there is none.</summary>
    public bool TryGetLimitResult(IReadOnlyDictionary<string, object?> variables, out GraphQLError? error)
    {
        foreach (var (reads, known) in Volatile.Read(ref _limitResults))
        {
            var matches = true;
            foreach (var read in reads)
            {
                if (OperationAnalyzer.SliceValue(variables, read.Variable) != read.Value)
                {
                    matches = false;
                    break;
                }
            }

            if (matches)
            {
                error = known;
                return true;
            }
        }

        error = null;
        return false;
    }

    public void AddLimitResult(SliceVariable[] reads, GraphQLError? error)
    {
        lock (this)
        {
            var results = _limitResults;
            // Keep the newest few: slicing values such as page sizes repeat, but need not be few.
            Volatile.Write(ref _limitResults, results.Length < MaxLimitResults
                ? [.. results, (reads, error)]
                : [.. results.AsSpan(1), (reads, error)]);
        }
    }

    public SelectionPlan GetRootPlan(IReadOnlyDictionary<string, object?> variables)
    {
        if (_root is { } cached)
        {
            return cached;
        }

        if (_conditionalRoots.Find(variables) is { } conditional)
        {
            return conditional;
        }

        var plan = FieldCollector.Collect(Document, RootType, [Operation.SelectionSet], variables);
        if (!plan.DependsOnVariables)
        {
            _root = plan;
            return plan;
        }

        return _conditionalRoots.Add(plan);
    }
}

/// <summary>The fields collected for one object type from one or more selection sets, merged by response key.</summary>
internal sealed class SelectionPlan(string[] keys, FieldPlan[] fields, IncludeCondition[] conditions)
{
    /// <summary>The response keys, shared by every result object built from this plan (names and their JSON form).</summary>
    public ResultKeys Keys { get; } = new(keys);

    public FieldPlan[] Fields { get; } = fields;

    /// <summary>
    /// The variables <c>@skip</c>/<c>@include</c> read while collecting, in order, with the values seen. Collection
    /// is deterministic, so the plan holds for any request whose variables give the same values.
    /// </summary>
    public IncludeCondition[] Conditions { get; } = conditions;

    /// <summary>True when <c>@skip</c>/<c>@include</c> with variables decided what was collected.</summary>
    public bool DependsOnVariables => Conditions.Length > 0;

    /// <summary>True when every condition reads the same value from <paramref name="variables"/>: no allocation.</summary>
    public bool Matches(IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var condition in Conditions)
        {
            if (IncludeCondition.Read(variables, condition.Variable) != condition.Value)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A variable read by <c>@skip(if:)</c>/<c>@include(if:)</c> and the value it had (null: absent or not a Boolean).</summary>
internal readonly record struct IncludeCondition(string Variable, bool? Value)
{
    public static bool? Read(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is bool flag ? flag : null;
}

/// <summary>
/// The plans of one selection that <c>@skip</c>/<c>@include</c> variables decide, one per combination of values
/// seen, so a warm request checks a few booleans instead of collecting fields again. Copy-on-write: readers take
/// the array without locking.
/// </summary>
internal sealed class ConditionalPlans
{
    // Each plan differs by Boolean values only; a handful covers real documents. Past this, plans are not kept.
    private const int MaxPlans = 16;

    private SelectionPlan[] _plans = [];

    public SelectionPlan? Find(IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var plan in Volatile.Read(ref _plans))
        {
            if (plan.Matches(variables))
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="plan"/> (or an equivalent one another request kept first) and returns it.</summary>
    public SelectionPlan Add(SelectionPlan plan)
    {
        lock (this)
        {
            var plans = _plans;
            foreach (var existing in plans)
            {
                if (existing.Conditions.AsSpan().SequenceEqual(plan.Conditions))
                {
                    return existing;
                }
            }

            if (plans.Length < MaxPlans)
            {
                Volatile.Write(ref _plans, [.. plans, plan]);
            }
        }

        return plan;
    }
}

/// <summary>A field to execute: its definition, merged nodes, resolver, and caches for its sub-selections.</summary>
internal sealed class FieldPlan
{
    private readonly PreparedDocument _document;
    private SelectionPlan? _singleSubPlan;
    private ObjectType? _singleSubPlanType;
    private ConcurrentDictionary<ObjectType, SelectionPlan>? _subPlans;
    private ConcurrentDictionary<ObjectType, ConditionalPlans>? _conditionalSubPlans;
    private Dictionary<string, object?>? _constantArguments;
    private GraphQLError? _constantArgumentError;
    private bool _constantArgumentsReady;

    public FieldPlan(PreparedDocument document, ObjectType parentType, string responseKey, FieldDefinition definition,
        FieldNode[] nodes)
    {
        _document = document;
        ParentType = parentType;
        ResponseKey = responseKey;
        Definition = definition;
        Nodes = nodes;
        ReturnType = definition.Type;
        Resolver = definition.Resolver;
        SourceReader = definition.SourceReader;
        IsTypeName = ReferenceEquals(definition, BuiltIns.TypeNameMetaField);
        var nullable = ReturnType.GetNullableType();
        LeafType = nullable as NamedType is { } named && named.IsLeafType() ? named : null;
        HasArguments = definition.Arguments.Count > 0;
        ArgumentsAreConstant = definition.Arguments.Count == 0 || !nodes.Any(n => n.Arguments.Any(a => HasVariable(a.Value)));
        HasSubSelections = nodes.Any(n => n.SelectionSet is not null);
    }

    public ObjectType ParentType { get; }

    public string ResponseKey { get; }

    public FieldDefinition Definition { get; }

    public FieldNode[] Nodes { get; }

    public GraphQLType ReturnType { get; }

    public FieldResolver? Resolver { get; }

    /// <summary>The resolver's context-free form, when it has one (<see cref="FieldDefinition.SourceReader"/>).</summary>
    public Func<object, IReadOnlyDictionary<string, object?>, object?>? SourceReader { get; }

    public bool IsTypeName { get; }

    /// <summary>The leaf type when the field returns a (possibly non-null) scalar or enum, not a list.</summary>
    public NamedType? LeafType { get; }

    public bool ArgumentsAreConstant { get; }

    /// <summary>True when the field's definition declares arguments (read once, not through the list per call).</summary>
    public bool HasArguments { get; }

    public bool HasSubSelections { get; }

    /// <summary>Monomorphic inline cache for the default resolver: the last source type and its accessor.</summary>
    public PropertyAccessor? Accessor { get; set; }

    private static readonly IReadOnlyDictionary<string, object?> s_noArguments =
        new Dictionary<string, object?>(0, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?>? GetArguments(
        IReadOnlyDictionary<string, object?> variables,
        out GraphQLError? error)
    {
        if (Definition.Arguments.Count == 0)
        {
            error = null;
            return s_noArguments;
        }

        if (!ArgumentsAreConstant)
        {
            return ValueCoercion.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, Nodes[0], variables,
                out error);
        }

        if (!Volatile.Read(ref _constantArgumentsReady))
        {
            _constantArguments = ValueCoercion.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, Nodes[0],
                null, out _constantArgumentError);
            Volatile.Write(ref _constantArgumentsReady, true);
        }

        error = _constantArgumentError;
        return _constantArguments;
    }

    /// <summary>The fields to execute on a value of <paramref name="objectType"/> returned by this field.</summary>
    public SelectionPlan GetSubPlan(ObjectType objectType, IReadOnlyDictionary<string, object?> variables)
    {
        if (ReferenceEquals(Volatile.Read(ref _singleSubPlanType), objectType) && _singleSubPlan is { } single)
        {
            return single;
        }

        if (_subPlans is not null && _subPlans.TryGetValue(objectType, out var cached))
        {
            return cached;
        }

        if (_conditionalSubPlans is not null && _conditionalSubPlans.TryGetValue(objectType, out var conditional)
            && conditional.Find(variables) is { } matching)
        {
            return matching;
        }

        var sets = new List<SelectionSetNode>(Nodes.Length);
        foreach (var node in Nodes)
        {
            if (node.SelectionSet is { } set)
            {
                sets.Add(set);
            }
        }

        var plan = FieldCollector.Collect(_document, objectType, sets, variables);
        if (plan.DependsOnVariables)
        {
            var table = Volatile.Read(ref _conditionalSubPlans);
            if (table is null)
            {
                var created = new ConcurrentDictionary<ObjectType, ConditionalPlans>();
                table = Interlocked.CompareExchange(ref _conditionalSubPlans, created, null) ?? created;
            }

            return table.GetOrAdd(objectType, static _ => new ConditionalPlans()).Add(plan);
        }

        lock (this)
        {
            if (_singleSubPlanType is null)
            {
                _singleSubPlan = plan;
                Volatile.Write(ref _singleSubPlanType, objectType);
            }
            else if (!ReferenceEquals(_singleSubPlanType, objectType))
            {
                _subPlans ??= new ConcurrentDictionary<ObjectType, SelectionPlan>();
                plan = _subPlans.GetOrAdd(objectType, plan);
            }
        }

        return plan;
    }

    private static bool HasVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(HasVariable),
        ObjectValueNode obj => obj.Fields.Any(f => HasVariable(f.Value)),
        _ => false,
    };
}

/// <summary>CollectFields (spec 6.3.2): fragments, type conditions, <c>@skip</c> and <c>@include</c>.</summary>
internal static class FieldCollector
{
    public static SelectionPlan Collect(
        PreparedDocument document,
        ObjectType objectType,
        IReadOnlyList<SelectionSetNode> selectionSets,
        IReadOnlyDictionary<string, object?> variables)
    {
        var state = new State(document, objectType, variables);
        foreach (var set in selectionSets)
        {
            state.CollectSet(set, 0);
        }

        var schema = document.Schema;
        var keys = new List<string>(state.Order.Count);
        var fields = new List<FieldPlan>(state.Order.Count);
        foreach (var key in state.Order)
        {
            var nodes = state.Fields[key];
            var definition = schema.GetField(objectType, nodes[0].Name.Value);
            if (definition is null)
            {
                // graphql-js leaves out fields it cannot find (validation reports them).
                continue;
            }

            keys.Add(key);
            fields.Add(new FieldPlan(document, objectType, key, definition, [.. nodes]));
        }

        return new SelectionPlan([.. keys], [.. fields], state.Conditions is { } conditions ? [.. conditions] : []);
    }

    private sealed class State(PreparedDocument document, ObjectType objectType, IReadOnlyDictionary<string, object?> variables)
    {
        // Fragment spreads may not form cycles in valid documents, but execution must not rely on validation.
        private const int MaxFragmentDepth = 256;

        private HashSet<string>? _visitedFragments;

        public List<string> Order { get; } = [];

        public Dictionary<string, List<FieldNode>> Fields { get; } = new(StringComparer.Ordinal);

        /// <summary>The variables <c>@skip</c>/<c>@include</c> read, in order; null when none.</summary>
        public List<IncludeCondition>? Conditions { get; private set; }

        public void CollectSet(SelectionSetNode set, int depth)
        {
            if (depth > MaxFragmentDepth)
            {
                return;
            }

            foreach (var selection in set.Selections)
            {
                if (!ShouldInclude(selection))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        var key = field.ResponseKey;
                        if (!Fields.TryGetValue(key, out var list))
                        {
                            list = [];
                            Fields[key] = list;
                            Order.Add(key);
                        }

                        list.Add(field);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || Applies(inline.TypeCondition.Name.Value))
                        {
                            CollectSet(inline.SelectionSet, depth + 1);
                        }

                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        _visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!_visitedFragments.Add(name))
                        {
                            break;
                        }

                        if (document.Fragments.TryGetValue(name, out var fragment)
                            && Applies(fragment.TypeCondition.Name.Value))
                        {
                            CollectSet(fragment.SelectionSet, depth + 1);
                        }

                        break;
                }
            }
        }

        private bool Applies(string typeName)
        {
            var conditionType = document.Schema.GetType(typeName);
            if (ReferenceEquals(conditionType, objectType))
            {
                return true;
            }

            return conditionType is not null && conditionType.IsAbstractType()
                && document.Schema.IsPossibleType(conditionType, objectType);
        }

        private bool ShouldInclude(SelectionNode selection)
        {
            var directives = selection.Directives;
            if (directives.Count == 0)
            {
                return true;
            }

            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (name is not ("skip" or "include"))
                {
                    continue;
                }

                var ifValue = IfArgument(directive);
                if (name == "skip" && ifValue == true)
                {
                    return false;
                }

                if (name == "include" && ifValue == false)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The value of <c>if</c>; null when it cannot be read (left to validation; the selection stays).</summary>
        private bool? IfArgument(DirectiveNode directive)
        {
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value != "if")
                {
                    continue;
                }

                switch (argument.Value)
                {
                    case BooleanValueNode b:
                        return b.Value;
                    case VariableNode v:
                        var value = IncludeCondition.Read(variables, v.Name.Value);
                        (Conditions ??= []).Add(new IncludeCondition(v.Name.Value, value));
                        return value;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
