using System.Globalization;
using CoProduce.GraphQL.Introspection;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>A variable the cost read for a slicing argument, and the size it gave (null: absent or not a number).</summary>
internal readonly record struct SliceVariable(string Variable, double? Value);

/// <summary>What the analyzer measured about an operation (fragments expanded, <c>@skip</c>/<c>@include</c> ignored).</summary>
public readonly record struct OperationMetrics(int Depth, int Fields, int Aliases, double Cost, bool UsesIntrospection);

/// <summary>
/// Measures an operation before it runs: selection depth, field and alias counts, and an estimated cost in the
/// spirit of the IBM GraphQL cost specification. Each field costs its <c>@cost(weight:)</c> (on the field, else on
/// its type, else 1; introspection fields cost 0); a list field multiplies the cost of its selections by its
/// slicing argument (<c>@listSize(slicingArguments:)</c>), else its <c>@listSize(assumedSize:)</c>, else
/// <see cref="ExecutionOptions.DefaultListSize"/>. Fragments on abstract types are added, not maxed: an upper bound.
/// </summary>
public static class OperationAnalyzer
{
    // Hard cap on the walk when the field limit is switched off: fragment reuse can make the expansion exponential.
    private const int AbsoluteFieldCap = 1_000_000;

    /// <summary>Measures an operation. Stops counting once the field limit (if any) is exceeded.</summary>
    public static OperationMetrics Measure(
        Schema schema,
        PreparedDocument document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        ExecutionOptions options,
        out bool dependsOnVariables)
    {
        var walker = new Walker(schema, document, variables, options);
        var root = schema.GetRootType(operation.Operation);
        var cost = walker.SelectionSet(operation.SelectionSet, root, 0, []);
        dependsOnVariables = walker.DependsOnVariables;
        return new OperationMetrics(walker.MaxDepth, walker.Fields, walker.Aliases, cost, walker.UsesIntrospection);
    }

    /// <summary>
    /// As <see cref="Measure(Schema, PreparedDocument, OperationDefinitionNode, IReadOnlyDictionary{string, object?}?, ExecutionOptions, out bool)"/>,
    /// also listing the variables read (slicing arguments, in walk order) with the sizes they gave; null when none.
    /// Only the cost depends on them: the walk itself, and so depth, fields and aliases, does not.
    /// </summary>
    internal static OperationMetrics MeasureWithReads(
        Schema schema,
        PreparedDocument document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        ExecutionOptions options,
        out SliceVariable[]? reads)
    {
        var walker = new Walker(schema, document, variables, options);
        var root = schema.GetRootType(operation.Operation);
        var cost = walker.SelectionSet(operation.SelectionSet, root, 0, []);
        reads = walker.Reads is { } list ? [.. list] : null;
        return new OperationMetrics(walker.MaxDepth, walker.Fields, walker.Aliases, cost, walker.UsesIntrospection);
    }

    /// <summary>The size a variable gives a slicing argument (null when absent or not a number).</summary>
    internal static double? SliceValue(IReadOnlyDictionary<string, object?>? variables, string name)
    {
        if (variables is null || !variables.TryGetValue(name, out var raw) || raw is null)
        {
            return null;
        }

        try
        {
            return Math.Max(0, Convert.ToDouble(raw is System.Text.Json.JsonElement json ? ValueCoercion.FromJson(json) : raw,
                CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The first limit the metrics break, as a coded GraphQL error; null when all are respected.</summary>
    public static GraphQLError? Check(OperationMetrics metrics, ExecutionOptions options)
    {
        if (options.MaxFields > 0 && metrics.Fields > options.MaxFields)
        {
            return Error(GraphQLMessages.MaxFields.With(options.MaxFields),
                ErrorCodes.MaxFieldsExceeded);
        }

        if (options.MaxSelectionDepth > 0 && metrics.Depth > options.MaxSelectionDepth)
        {
            return Error(
                GraphQLMessages.MaxDepth.With(metrics.Depth, options.MaxSelectionDepth),
                ErrorCodes.MaxDepthExceeded);
        }

        if (options.MaxAliases > 0 && metrics.Aliases > options.MaxAliases)
        {
            return Error(GraphQLMessages.MaxAliases.With(metrics.Aliases, options.MaxAliases),
                ErrorCodes.MaxAliasesExceeded);
        }

        if (options.MaxCost > 0 && metrics.Cost > options.MaxCost)
        {
            return new GraphQLError(
                GraphQLMessages.MaxCost.With(metrics.Cost.ToString(CultureInfo.InvariantCulture),
                    options.MaxCost.ToString(CultureInfo.InvariantCulture)))
            {
                Extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["code"] = ErrorCodes.CostExceeded,
                    ["cost"] = metrics.Cost,
                    ["maxCost"] = options.MaxCost,
                },
            };
        }

        return null;
    }

    private static GraphQLError Error(GraphQLMessage message, string code) => new(message) { Extensions = ErrorCodes.Of(code) };

    private sealed class Walker(
        Schema schema,
        PreparedDocument document,
        IReadOnlyDictionary<string, object?>? variables,
        ExecutionOptions options)
    {
        private readonly int _fieldCap = options.MaxFields > 0 ? options.MaxFields + 1 : AbsoluteFieldCap;

        public int MaxDepth { get; private set; }

        public int Fields { get; private set; }

        public int Aliases { get; private set; }

        public bool UsesIntrospection { get; private set; }

        public bool DependsOnVariables => Reads is not null;

        public List<SliceVariable>? Reads { get; private set; }

        private bool Stopped => Fields >= _fieldCap;

        public double SelectionSet(SelectionSetNode set, NamedType? parentType, int depth, HashSet<string> fragmentPath)
        {
            double cost = 0;
            foreach (var selection in set.Selections)
            {
                if (Stopped)
                {
                    return cost;
                }

                switch (selection)
                {
                    case FieldNode field:
                        cost += Field(field, parentType, depth + 1, fragmentPath);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition
                            ? schema.GetType(condition.Name.Value)
                            : parentType;
                        cost += SelectionSet(inline.SelectionSet, inlineType, depth, fragmentPath);
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (!document.Fragments.TryGetValue(name, out var fragment) || !fragmentPath.Add(name))
                        {
                            break; // unknown or cyclic: validation reports it
                        }

                        cost += SelectionSet(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value),
                            depth, fragmentPath);
                        fragmentPath.Remove(name);
                        break;
                }
            }

            return cost;
        }

        private double Field(FieldNode field, NamedType? parentType, int depth, HashSet<string> fragmentPath)
        {
            Fields++;
            if (field.Alias is not null)
            {
                Aliases++;
            }

            MaxDepth = Math.Max(MaxDepth, depth);
            var name = field.Name.Value;
            var introspection = name is "__schema" or "__type";
            UsesIntrospection |= introspection;

            var definition = parentType is null ? null : schema.GetField(parentType, name);
            var returnType = definition?.Type.GetNamedType();
            var isMeta = name.StartsWith("__", StringComparison.Ordinal)
                || (parentType is not null && IntrospectionTypes.IsIntrospectionTypeName(parentType.Name));
            double childCost = 0;
            if (field.SelectionSet is { } selectionSet)
            {
                childCost = SelectionSet(selectionSet, returnType, depth, fragmentPath);
            }

            if (isMeta || definition is null)
            {
                return 0;
            }

            var weight = Weight(definition.Directives) ?? (returnType is not null ? Weight(returnType.Directives) : null) ?? 1;
            var multiplier = IsList(definition.Type) ? ListSize(definition, field) : 1;
            return weight + (multiplier * childCost);
        }

        private static bool IsList(GraphQLType type) => type.GetNullableType() is ListType;

        private double ListSize(FieldDefinition definition, FieldNode field)
        {
            var listSize = Find(definition.Directives, "listSize");
            if (listSize is not null)
            {
                var slicing = Argument(listSize, "slicingArguments");
                if (slicing is ListValueNode names)
                {
                    double? largest = null;
                    foreach (var nameNode in names.Values)
                    {
                        if (nameNode is not StringValueNode argumentName)
                        {
                            continue;
                        }

                        var argument = field.Arguments.FirstOrDefault(a => a.Name.Value == argumentName.Value);
                        if (argument is not null && NumberOf(argument.Value) is { } size)
                        {
                            largest = Math.Max(largest ?? 0, size);
                        }
                    }

                    if (largest is { } sliced)
                    {
                        return sliced;
                    }
                }

                if (NumberOf(Argument(listSize, "assumedSize")) is { } assumed)
                {
                    return assumed;
                }
            }

            return options.DefaultListSize;
        }

        private double? NumberOf(ValueNode? value)
        {
            switch (value)
            {
                case IntValueNode i when double.TryParse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                    return Math.Max(0, n);
                case FloatValueNode f when double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                    return Math.Max(0, n);
                case StringValueNode s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                    return Math.Max(0, n);
                case VariableNode v:
                    var size = SliceValue(variables, v.Name.Value);
                    (Reads ??= []).Add(new SliceVariable(v.Name.Value, size));
                    return size;
                default:
                    return null;
            }
        }

        private double? Weight(IReadOnlyList<DirectiveNode> directives) =>
            Find(directives, "cost") is { } cost ? NumberOf(Argument(cost, "weight")) : null;

        private static DirectiveNode? Find(IReadOnlyList<DirectiveNode> directives, string name)
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

        private static ValueNode? Argument(DirectiveNode directive, string name)
        {
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }
}
