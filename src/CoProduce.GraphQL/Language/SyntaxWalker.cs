// One Visit/Enter/Leave triple per node kind; children are visited in source order. Keep it so when adding kinds.
namespace CoProduce.GraphQL.Language;

/// <summary>
/// Walks a syntax tree depth-first in source order. For every node it calls <see cref="Enter(SyntaxNode)"/>, the
/// kind-specific <c>EnterX</c> hook, the children, the kind-specific <c>LeaveX</c> hook, then
/// <see cref="Leave(SyntaxNode)"/>. Override the hooks you need; override a <c>VisitX</c> method to take over a
/// node entirely (for example to skip its children). Recursion depth is bounded by the parser's nesting limit.
/// </summary>
public abstract class SyntaxWalker
{
    /// <summary>Called before the kind-specific enter hook of every node.</summary>
    protected virtual void Enter(SyntaxNode node)
    {
    }

    /// <summary>Called after the kind-specific leave hook of every node.</summary>
    protected virtual void Leave(SyntaxNode node)
    {
    }

    /// <summary>Visits any node, dispatching on its kind.</summary>
    public virtual void Visit(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.Name:
                VisitName((NameNode)node);
                break;
            case SyntaxKind.Document:
                VisitDocument((DocumentNode)node);
                break;
            case SyntaxKind.OperationDefinition:
                VisitOperationDefinition((OperationDefinitionNode)node);
                break;
            case SyntaxKind.VariableDefinition:
                VisitVariableDefinition((VariableDefinitionNode)node);
                break;
            case SyntaxKind.SelectionSet:
                VisitSelectionSet((SelectionSetNode)node);
                break;
            case SyntaxKind.Field:
                VisitField((FieldNode)node);
                break;
            case SyntaxKind.Argument:
                VisitArgument((ArgumentNode)node);
                break;
            case SyntaxKind.FragmentSpread:
                VisitFragmentSpread((FragmentSpreadNode)node);
                break;
            case SyntaxKind.InlineFragment:
                VisitInlineFragment((InlineFragmentNode)node);
                break;
            case SyntaxKind.FragmentDefinition:
                VisitFragmentDefinition((FragmentDefinitionNode)node);
                break;
            case SyntaxKind.Variable:
                VisitVariable((VariableNode)node);
                break;
            case SyntaxKind.IntValue:
                VisitIntValue((IntValueNode)node);
                break;
            case SyntaxKind.FloatValue:
                VisitFloatValue((FloatValueNode)node);
                break;
            case SyntaxKind.StringValue:
                VisitStringValue((StringValueNode)node);
                break;
            case SyntaxKind.BooleanValue:
                VisitBooleanValue((BooleanValueNode)node);
                break;
            case SyntaxKind.NullValue:
                VisitNullValue((NullValueNode)node);
                break;
            case SyntaxKind.EnumValue:
                VisitEnumValue((EnumValueNode)node);
                break;
            case SyntaxKind.ListValue:
                VisitListValue((ListValueNode)node);
                break;
            case SyntaxKind.ObjectValue:
                VisitObjectValue((ObjectValueNode)node);
                break;
            case SyntaxKind.ObjectField:
                VisitObjectField((ObjectFieldNode)node);
                break;
            case SyntaxKind.Directive:
                VisitDirective((DirectiveNode)node);
                break;
            case SyntaxKind.NamedType:
                VisitNamedType((NamedTypeNode)node);
                break;
            case SyntaxKind.ListType:
                VisitListType((ListTypeNode)node);
                break;
            case SyntaxKind.NonNullType:
                VisitNonNullType((NonNullTypeNode)node);
                break;
            case SyntaxKind.SchemaDefinition:
                VisitSchemaDefinition((SchemaDefinitionNode)node);
                break;
            case SyntaxKind.OperationTypeDefinition:
                VisitOperationTypeDefinition((OperationTypeDefinitionNode)node);
                break;
            case SyntaxKind.ScalarTypeDefinition:
                VisitScalarTypeDefinition((ScalarTypeDefinitionNode)node);
                break;
            case SyntaxKind.ObjectTypeDefinition:
                VisitObjectTypeDefinition((ObjectTypeDefinitionNode)node);
                break;
            case SyntaxKind.FieldDefinition:
                VisitFieldDefinition((FieldDefinitionNode)node);
                break;
            case SyntaxKind.InputValueDefinition:
                VisitInputValueDefinition((InputValueDefinitionNode)node);
                break;
            case SyntaxKind.InterfaceTypeDefinition:
                VisitInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node);
                break;
            case SyntaxKind.UnionTypeDefinition:
                VisitUnionTypeDefinition((UnionTypeDefinitionNode)node);
                break;
            case SyntaxKind.EnumTypeDefinition:
                VisitEnumTypeDefinition((EnumTypeDefinitionNode)node);
                break;
            case SyntaxKind.EnumValueDefinition:
                VisitEnumValueDefinition((EnumValueDefinitionNode)node);
                break;
            case SyntaxKind.InputObjectTypeDefinition:
                VisitInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node);
                break;
            case SyntaxKind.DirectiveDefinition:
                VisitDirectiveDefinition((DirectiveDefinitionNode)node);
                break;
            case SyntaxKind.SchemaExtension:
                VisitSchemaExtension((SchemaExtensionNode)node);
                break;
            case SyntaxKind.DirectiveExtension:
                VisitDirectiveExtension((DirectiveExtensionNode)node);
                break;
            case SyntaxKind.ScalarTypeExtension:
                VisitScalarTypeExtension((ScalarTypeExtensionNode)node);
                break;
            case SyntaxKind.ObjectTypeExtension:
                VisitObjectTypeExtension((ObjectTypeExtensionNode)node);
                break;
            case SyntaxKind.InterfaceTypeExtension:
                VisitInterfaceTypeExtension((InterfaceTypeExtensionNode)node);
                break;
            case SyntaxKind.UnionTypeExtension:
                VisitUnionTypeExtension((UnionTypeExtensionNode)node);
                break;
            case SyntaxKind.EnumTypeExtension:
                VisitEnumTypeExtension((EnumTypeExtensionNode)node);
                break;
            case SyntaxKind.InputObjectTypeExtension:
                VisitInputObjectTypeExtension((InputObjectTypeExtensionNode)node);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown syntax kind.");
        }
    }

    private void VisitEach<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
        }
    }

    protected virtual void VisitName(NameNode node)
    {
        Enter(node);
        EnterName(node);
        LeaveName(node);
        Leave(node);
    }

    protected virtual void EnterName(NameNode node)
    {
    }

    protected virtual void LeaveName(NameNode node)
    {
    }

    protected virtual void VisitDocument(DocumentNode node)
    {
        Enter(node);
        EnterDocument(node);
        VisitEach(node.Definitions);
        LeaveDocument(node);
        Leave(node);
    }

    protected virtual void EnterDocument(DocumentNode node)
    {
    }

    protected virtual void LeaveDocument(DocumentNode node)
    {
    }

    protected virtual void VisitOperationDefinition(OperationDefinitionNode node)
    {
        Enter(node);
        EnterOperationDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        if (node.Name is { } name)
        {
            Visit(name);
        }

        VisitEach(node.VariableDefinitions);
        VisitEach(node.Directives);
        Visit(node.SelectionSet);
        LeaveOperationDefinition(node);
        Leave(node);
    }

    protected virtual void EnterOperationDefinition(OperationDefinitionNode node)
    {
    }

    protected virtual void LeaveOperationDefinition(OperationDefinitionNode node)
    {
    }

    protected virtual void VisitVariableDefinition(VariableDefinitionNode node)
    {
        Enter(node);
        EnterVariableDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Variable);
        Visit(node.Type);
        if (node.DefaultValue is { } defaultValue)
        {
            Visit(defaultValue);
        }

        VisitEach(node.Directives);
        LeaveVariableDefinition(node);
        Leave(node);
    }

    protected virtual void EnterVariableDefinition(VariableDefinitionNode node)
    {
    }

    protected virtual void LeaveVariableDefinition(VariableDefinitionNode node)
    {
    }

    protected virtual void VisitSelectionSet(SelectionSetNode node)
    {
        Enter(node);
        EnterSelectionSet(node);
        VisitEach(node.Selections);
        LeaveSelectionSet(node);
        Leave(node);
    }

    protected virtual void EnterSelectionSet(SelectionSetNode node)
    {
    }

    protected virtual void LeaveSelectionSet(SelectionSetNode node)
    {
    }

    protected virtual void VisitField(FieldNode node)
    {
        Enter(node);
        EnterField(node);
        if (node.Alias is { } alias)
        {
            Visit(alias);
        }

        Visit(node.Name);
        VisitEach(node.Arguments);
        VisitEach(node.Directives);
        if (node.SelectionSet is { } selectionSet)
        {
            Visit(selectionSet);
        }

        LeaveField(node);
        Leave(node);
    }

    protected virtual void EnterField(FieldNode node)
    {
    }

    protected virtual void LeaveField(FieldNode node)
    {
    }

    protected virtual void VisitArgument(ArgumentNode node)
    {
        Enter(node);
        EnterArgument(node);
        Visit(node.Name);
        Visit(node.Value);
        LeaveArgument(node);
        Leave(node);
    }

    protected virtual void EnterArgument(ArgumentNode node)
    {
    }

    protected virtual void LeaveArgument(ArgumentNode node)
    {
    }

    protected virtual void VisitFragmentSpread(FragmentSpreadNode node)
    {
        Enter(node);
        EnterFragmentSpread(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        LeaveFragmentSpread(node);
        Leave(node);
    }

    protected virtual void EnterFragmentSpread(FragmentSpreadNode node)
    {
    }

    protected virtual void LeaveFragmentSpread(FragmentSpreadNode node)
    {
    }

    protected virtual void VisitInlineFragment(InlineFragmentNode node)
    {
        Enter(node);
        EnterInlineFragment(node);
        if (node.TypeCondition is { } typeCondition)
        {
            Visit(typeCondition);
        }

        VisitEach(node.Directives);
        Visit(node.SelectionSet);
        LeaveInlineFragment(node);
        Leave(node);
    }

    protected virtual void EnterInlineFragment(InlineFragmentNode node)
    {
    }

    protected virtual void LeaveInlineFragment(InlineFragmentNode node)
    {
    }

    protected virtual void VisitFragmentDefinition(FragmentDefinitionNode node)
    {
        Enter(node);
        EnterFragmentDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        Visit(node.TypeCondition);
        VisitEach(node.Directives);
        Visit(node.SelectionSet);
        LeaveFragmentDefinition(node);
        Leave(node);
    }

    protected virtual void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    protected virtual void LeaveFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    protected virtual void VisitVariable(VariableNode node)
    {
        Enter(node);
        EnterVariable(node);
        Visit(node.Name);
        LeaveVariable(node);
        Leave(node);
    }

    protected virtual void EnterVariable(VariableNode node)
    {
    }

    protected virtual void LeaveVariable(VariableNode node)
    {
    }

    protected virtual void VisitIntValue(IntValueNode node)
    {
        Enter(node);
        EnterIntValue(node);
        LeaveIntValue(node);
        Leave(node);
    }

    protected virtual void EnterIntValue(IntValueNode node)
    {
    }

    protected virtual void LeaveIntValue(IntValueNode node)
    {
    }

    protected virtual void VisitFloatValue(FloatValueNode node)
    {
        Enter(node);
        EnterFloatValue(node);
        LeaveFloatValue(node);
        Leave(node);
    }

    protected virtual void EnterFloatValue(FloatValueNode node)
    {
    }

    protected virtual void LeaveFloatValue(FloatValueNode node)
    {
    }

    protected virtual void VisitStringValue(StringValueNode node)
    {
        Enter(node);
        EnterStringValue(node);
        LeaveStringValue(node);
        Leave(node);
    }

    protected virtual void EnterStringValue(StringValueNode node)
    {
    }

    protected virtual void LeaveStringValue(StringValueNode node)
    {
    }

    protected virtual void VisitBooleanValue(BooleanValueNode node)
    {
        Enter(node);
        EnterBooleanValue(node);
        LeaveBooleanValue(node);
        Leave(node);
    }

    protected virtual void EnterBooleanValue(BooleanValueNode node)
    {
    }

    protected virtual void LeaveBooleanValue(BooleanValueNode node)
    {
    }

    protected virtual void VisitNullValue(NullValueNode node)
    {
        Enter(node);
        EnterNullValue(node);
        LeaveNullValue(node);
        Leave(node);
    }

    protected virtual void EnterNullValue(NullValueNode node)
    {
    }

    protected virtual void LeaveNullValue(NullValueNode node)
    {
    }

    protected virtual void VisitEnumValue(EnumValueNode node)
    {
        Enter(node);
        EnterEnumValue(node);
        LeaveEnumValue(node);
        Leave(node);
    }

    protected virtual void EnterEnumValue(EnumValueNode node)
    {
    }

    protected virtual void LeaveEnumValue(EnumValueNode node)
    {
    }

    protected virtual void VisitListValue(ListValueNode node)
    {
        Enter(node);
        EnterListValue(node);
        VisitEach(node.Values);
        LeaveListValue(node);
        Leave(node);
    }

    protected virtual void EnterListValue(ListValueNode node)
    {
    }

    protected virtual void LeaveListValue(ListValueNode node)
    {
    }

    protected virtual void VisitObjectValue(ObjectValueNode node)
    {
        Enter(node);
        EnterObjectValue(node);
        VisitEach(node.Fields);
        LeaveObjectValue(node);
        Leave(node);
    }

    protected virtual void EnterObjectValue(ObjectValueNode node)
    {
    }

    protected virtual void LeaveObjectValue(ObjectValueNode node)
    {
    }

    protected virtual void VisitObjectField(ObjectFieldNode node)
    {
        Enter(node);
        EnterObjectField(node);
        Visit(node.Name);
        Visit(node.Value);
        LeaveObjectField(node);
        Leave(node);
    }

    protected virtual void EnterObjectField(ObjectFieldNode node)
    {
    }

    protected virtual void LeaveObjectField(ObjectFieldNode node)
    {
    }

    protected virtual void VisitDirective(DirectiveNode node)
    {
        Enter(node);
        EnterDirective(node);
        Visit(node.Name);
        VisitEach(node.Arguments);
        LeaveDirective(node);
        Leave(node);
    }

    protected virtual void EnterDirective(DirectiveNode node)
    {
    }

    protected virtual void LeaveDirective(DirectiveNode node)
    {
    }

    protected virtual void VisitNamedType(NamedTypeNode node)
    {
        Enter(node);
        EnterNamedType(node);
        Visit(node.Name);
        LeaveNamedType(node);
        Leave(node);
    }

    protected virtual void EnterNamedType(NamedTypeNode node)
    {
    }

    protected virtual void LeaveNamedType(NamedTypeNode node)
    {
    }

    protected virtual void VisitListType(ListTypeNode node)
    {
        Enter(node);
        EnterListType(node);
        Visit(node.Type);
        LeaveListType(node);
        Leave(node);
    }

    protected virtual void EnterListType(ListTypeNode node)
    {
    }

    protected virtual void LeaveListType(ListTypeNode node)
    {
    }

    protected virtual void VisitNonNullType(NonNullTypeNode node)
    {
        Enter(node);
        EnterNonNullType(node);
        Visit(node.Type);
        LeaveNonNullType(node);
        Leave(node);
    }

    protected virtual void EnterNonNullType(NonNullTypeNode node)
    {
    }

    protected virtual void LeaveNonNullType(NonNullTypeNode node)
    {
    }

    protected virtual void VisitSchemaDefinition(SchemaDefinitionNode node)
    {
        Enter(node);
        EnterSchemaDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        VisitEach(node.Directives);
        VisitEach(node.OperationTypes);
        LeaveSchemaDefinition(node);
        Leave(node);
    }

    protected virtual void EnterSchemaDefinition(SchemaDefinitionNode node)
    {
    }

    protected virtual void LeaveSchemaDefinition(SchemaDefinitionNode node)
    {
    }

    protected virtual void VisitOperationTypeDefinition(OperationTypeDefinitionNode node)
    {
        Enter(node);
        EnterOperationTypeDefinition(node);
        Visit(node.Type);
        LeaveOperationTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterOperationTypeDefinition(OperationTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveOperationTypeDefinition(OperationTypeDefinitionNode node)
    {
    }

    protected virtual void VisitScalarTypeDefinition(ScalarTypeDefinitionNode node)
    {
        Enter(node);
        EnterScalarTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Directives);
        LeaveScalarTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterScalarTypeDefinition(ScalarTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveScalarTypeDefinition(ScalarTypeDefinitionNode node)
    {
    }

    protected virtual void VisitObjectTypeDefinition(ObjectTypeDefinitionNode node)
    {
        Enter(node);
        EnterObjectTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Interfaces);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveObjectTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterObjectTypeDefinition(ObjectTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveObjectTypeDefinition(ObjectTypeDefinitionNode node)
    {
    }

    protected virtual void VisitFieldDefinition(FieldDefinitionNode node)
    {
        Enter(node);
        EnterFieldDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Arguments);
        Visit(node.Type);
        VisitEach(node.Directives);
        LeaveFieldDefinition(node);
        Leave(node);
    }

    protected virtual void EnterFieldDefinition(FieldDefinitionNode node)
    {
    }

    protected virtual void LeaveFieldDefinition(FieldDefinitionNode node)
    {
    }

    protected virtual void VisitInputValueDefinition(InputValueDefinitionNode node)
    {
        Enter(node);
        EnterInputValueDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        Visit(node.Type);
        if (node.DefaultValue is { } defaultValue)
        {
            Visit(defaultValue);
        }

        VisitEach(node.Directives);
        LeaveInputValueDefinition(node);
        Leave(node);
    }

    protected virtual void EnterInputValueDefinition(InputValueDefinitionNode node)
    {
    }

    protected virtual void LeaveInputValueDefinition(InputValueDefinitionNode node)
    {
    }

    protected virtual void VisitInterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
    {
        Enter(node);
        EnterInterfaceTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Interfaces);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveInterfaceTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterInterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveInterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
    {
    }

    protected virtual void VisitUnionTypeDefinition(UnionTypeDefinitionNode node)
    {
        Enter(node);
        EnterUnionTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Types);
        LeaveUnionTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterUnionTypeDefinition(UnionTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveUnionTypeDefinition(UnionTypeDefinitionNode node)
    {
    }

    protected virtual void VisitEnumTypeDefinition(EnumTypeDefinitionNode node)
    {
        Enter(node);
        EnterEnumTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Values);
        LeaveEnumTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterEnumTypeDefinition(EnumTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveEnumTypeDefinition(EnumTypeDefinitionNode node)
    {
    }

    protected virtual void VisitEnumValueDefinition(EnumValueDefinitionNode node)
    {
        Enter(node);
        EnterEnumValueDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Directives);
        LeaveEnumValueDefinition(node);
        Leave(node);
    }

    protected virtual void EnterEnumValueDefinition(EnumValueDefinitionNode node)
    {
    }

    protected virtual void LeaveEnumValueDefinition(EnumValueDefinitionNode node)
    {
    }

    protected virtual void VisitInputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
    {
        Enter(node);
        EnterInputObjectTypeDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveInputObjectTypeDefinition(node);
        Leave(node);
    }

    protected virtual void EnterInputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
    {
    }

    protected virtual void LeaveInputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
    {
    }

    protected virtual void VisitDirectiveDefinition(DirectiveDefinitionNode node)
    {
        Enter(node);
        EnterDirectiveDefinition(node);
        if (node.Description is { } description)
        {
            Visit(description);
        }

        Visit(node.Name);
        VisitEach(node.Arguments);
        VisitEach(node.Directives);
        VisitEach(node.Locations);
        LeaveDirectiveDefinition(node);
        Leave(node);
    }

    protected virtual void EnterDirectiveDefinition(DirectiveDefinitionNode node)
    {
    }

    protected virtual void LeaveDirectiveDefinition(DirectiveDefinitionNode node)
    {
    }

    protected virtual void VisitDirectiveExtension(DirectiveExtensionNode node)
    {
        Enter(node);
        EnterDirectiveExtension(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        LeaveDirectiveExtension(node);
        Leave(node);
    }

    protected virtual void EnterDirectiveExtension(DirectiveExtensionNode node)
    {
    }

    protected virtual void LeaveDirectiveExtension(DirectiveExtensionNode node)
    {
    }

    protected virtual void VisitSchemaExtension(SchemaExtensionNode node)
    {
        Enter(node);
        EnterSchemaExtension(node);
        VisitEach(node.Directives);
        VisitEach(node.OperationTypes);
        LeaveSchemaExtension(node);
        Leave(node);
    }

    protected virtual void EnterSchemaExtension(SchemaExtensionNode node)
    {
    }

    protected virtual void LeaveSchemaExtension(SchemaExtensionNode node)
    {
    }

    protected virtual void VisitScalarTypeExtension(ScalarTypeExtensionNode node)
    {
        Enter(node);
        EnterScalarTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        LeaveScalarTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterScalarTypeExtension(ScalarTypeExtensionNode node)
    {
    }

    protected virtual void LeaveScalarTypeExtension(ScalarTypeExtensionNode node)
    {
    }

    protected virtual void VisitObjectTypeExtension(ObjectTypeExtensionNode node)
    {
        Enter(node);
        EnterObjectTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Interfaces);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveObjectTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterObjectTypeExtension(ObjectTypeExtensionNode node)
    {
    }

    protected virtual void LeaveObjectTypeExtension(ObjectTypeExtensionNode node)
    {
    }

    protected virtual void VisitInterfaceTypeExtension(InterfaceTypeExtensionNode node)
    {
        Enter(node);
        EnterInterfaceTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Interfaces);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveInterfaceTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterInterfaceTypeExtension(InterfaceTypeExtensionNode node)
    {
    }

    protected virtual void LeaveInterfaceTypeExtension(InterfaceTypeExtensionNode node)
    {
    }

    protected virtual void VisitUnionTypeExtension(UnionTypeExtensionNode node)
    {
        Enter(node);
        EnterUnionTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Types);
        LeaveUnionTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterUnionTypeExtension(UnionTypeExtensionNode node)
    {
    }

    protected virtual void LeaveUnionTypeExtension(UnionTypeExtensionNode node)
    {
    }

    protected virtual void VisitEnumTypeExtension(EnumTypeExtensionNode node)
    {
        Enter(node);
        EnterEnumTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Values);
        LeaveEnumTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterEnumTypeExtension(EnumTypeExtensionNode node)
    {
    }

    protected virtual void LeaveEnumTypeExtension(EnumTypeExtensionNode node)
    {
    }

    protected virtual void VisitInputObjectTypeExtension(InputObjectTypeExtensionNode node)
    {
        Enter(node);
        EnterInputObjectTypeExtension(node);
        Visit(node.Name);
        VisitEach(node.Directives);
        VisitEach(node.Fields);
        LeaveInputObjectTypeExtension(node);
        Leave(node);
    }

    protected virtual void EnterInputObjectTypeExtension(InputObjectTypeExtensionNode node)
    {
    }

    protected virtual void LeaveInputObjectTypeExtension(InputObjectTypeExtensionNode node)
    {
    }

}
