using static CoProduce.GraphQL.Tests.Validation.ValidationTestSchema;

namespace CoProduce.GraphQL.Tests.Validation;

/// <summary>
/// One valid and one invalid document per rule, with graphql-js 16's message and locations. The conformance corpus
/// covers the same rules more widely; these are the readable summary.
/// </summary>
public sealed class RuleTests
{
    [Fact]
    public void ExecutableDefinitions_OperationsAndFragments_Valid() =>
        ExpectValid("query Q { dog { ...N } }\nfragment N on Dog { name }");

    [Fact]
    public void ExecutableDefinitions_TypeDefinition_Error() =>
        ExpectError("{ dog { name } }\ntype Horse { name: String }", "The \"Horse\" definition is not executable.", (2, 1));

    [Fact]
    public void OperationTypeExistence_DefinedRoots_Valid() =>
        ExpectValid("mutation M { adoptDog(name: \"Rex\") { id } }");

    [Fact]
    public void UniqueOperationNames_Duplicate_ErrorAtBothNames() =>
        ExpectErrors(
            "query A { dog { name } }\nquery A { cat { name } }",
            ("There can be only one operation named \"A\".", [(1, 7), (2, 7)]));

    [Fact]
    public void UniqueOperationNames_Distinct_Valid() => ExpectValid("query A { dog { name } }\nquery B { cat { name } }");

    [Fact]
    public void LoneAnonymousOperation_WithOtherOperation_Error() =>
        ExpectError(
            "{ dog { name } }\nquery B { cat { name } }", "This anonymous operation must be the only defined operation.", (1, 1));

    [Fact]
    public void LoneAnonymousOperation_Alone_Valid() => ExpectValid("{ dog { name } }");

    [Fact]
    public void SingleFieldSubscriptions_TwoFieldsViaFragment_ErrorAtExtraField() =>
        ExpectError(
            "subscription S { dogAdopted { name } ...F }\nfragment F on Subscription { catRenamed { name } }",
            "Subscription \"S\" must select only one top level field.",
            (2, 30));

    [Fact]
    public void SingleFieldSubscriptions_IntrospectionRoot_Error() =>
        ExpectError(
            "subscription { __typename }", "Anonymous Subscription must not select an introspection top level field.", (1, 16));

    [Fact]
    public void SingleFieldSubscriptions_OneField_Valid() => ExpectValid("subscription S { dogAdopted { name } }");

    [Fact]
    public void KnownTypeNames_Misspelt_ErrorWithSuggestion() =>
        ExpectError(
            "query Q($p: PetInpt) { arguments { pet(value: $p) } }",
            "Unknown type \"PetInpt\". Did you mean \"PetInput\"?",
            (1, 13));

    [Fact]
    public void FragmentsOnCompositeTypes_Scalar_Error() =>
        ExpectError("{ dog { ... on Boolean { x } } }", "Fragment cannot condition on non composite type \"Boolean\".", (1, 16));

    [Fact]
    public void FragmentsOnCompositeTypes_Interface_Valid() => ExpectValid("{ dog { ... on Pet { name } } }");

    [Fact]
    public void VariablesAreInputTypes_OutputType_Error() =>
        ExpectErrors(
            "query Q($d: Dog) { dog { name } }",
            ("Variable \"$d\" cannot be non-input type \"Dog\".", [(1, 13)]),
            ("Variable \"$d\" is never used in operation \"Q\".", [(1, 9)]));

    [Fact]
    public void VariablesAreInputTypes_InputTypes_Valid() =>
        ExpectValid("query Q($p: PetInput, $t: Trick) { arguments { pet(value: $p) trick(value: $t) } }");

    [Fact]
    public void ScalarLeafs_ObjectWithoutSelection_Error() =>
        ExpectError(
            "{ dog }", "Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"?", (1, 3));

    [Fact]
    public void ScalarLeafs_ScalarWithSelection_Error() =>
        ExpectError(
            "{ dog { barks { x } } }", "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 15));

    [Fact]
    public void FieldsOnCorrectType_FieldOnInterface_SuggestsTypes() =>
        ExpectError(
            "{ pet { barks } }",
            "Cannot query field \"barks\" on type \"Pet\". Did you mean to use an inline fragment on \"Dog\"?",
            (1, 9));

    [Fact]
    public void FieldsOnCorrectType_TypenameOnUnion_Valid() => ExpectValid("{ dogOrCat { __typename ... on Dog { name } } }");

    [Fact]
    public void UniqueFragmentNames_Duplicate_Error() =>
        ExpectError(
            "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { nickname }",
            "There can be only one fragment named \"A\".",
            (2, 10),
            (3, 10));

    [Fact]
    public void KnownFragmentNames_Unknown_ErrorAtName() =>
        ExpectError("{ dog { ...Missing } }", "Unknown fragment \"Missing\".", (1, 12));

    [Fact]
    public void NoUnusedFragments_Unused_Error() =>
        ExpectError("{ dog { name } }\nfragment Lonely on Dog { name }", "Fragment \"Lonely\" is never used.", (2, 1));

    [Fact]
    public void PossibleFragmentSpreads_UnrelatedObject_Error() =>
        ExpectError(
            "{ dog { ... on Cat { purrs } } }",
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".",
            (1, 9));

    [Fact]
    public void PossibleFragmentSpreads_NamedFragmentIntoUnion_Valid() =>
        ExpectValid("{ dogOrCat { ...D } }\nfragment D on Dog { name }");

    [Fact]
    public void NoFragmentCycles_TwoStepCycle_Error() =>
        ExpectError(
            "{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }",
            "Cannot spread fragment \"A\" within itself via \"B\".",
            (2, 21),
            (3, 21));

    [Fact]
    public void UniqueVariableNames_Duplicate_ErrorAtEveryName() =>
        ExpectErrors(
            "query Q($a: Int, $a: Int) { arguments { int(value: $a) } }",
            ("There can be only one variable named \"$a\".", [(1, 10), (1, 19)]));

    [Fact]
    public void NoUndefinedVariables_InFragment_ErrorAtUsageAndOperation() =>
        ExpectError(
            "query Q { arguments { ...F } }\nfragment F on Arguments { int(value: $x) }",
            "Variable \"$x\" is not defined by operation \"Q\".",
            (2, 38),
            (1, 1));

    [Fact]
    public void NoUnusedVariables_Unused_Error() =>
        ExpectError("query ($a: Int) { dog { name } }", "Variable \"$a\" is never used.", (1, 8));

    [Fact]
    public void NoUnusedVariables_UsedInFragment_Valid() =>
        ExpectValid("query Q($a: Int) { arguments { ...F } }\nfragment F on Arguments { int(value: $a) }");

    [Fact]
    public void KnownDirectives_Misplaced_Error() =>
        ExpectError("query Q @onField { dog { name } }", "Directive \"@onField\" may not be used on QUERY.", (1, 9));

    [Fact]
    public void KnownDirectives_Unknown_Error() => ExpectError("{ dog @nope { name } }", "Unknown directive \"@nope\".", (1, 7));

    [Fact]
    public void UniqueDirectivesPerLocation_NonRepeatable_Error() =>
        ExpectError(
            "{ dog { name @onField @onField } }",
            "The directive \"@onField\" can only be used once at this location.",
            (1, 14),
            (1, 23));

    [Fact]
    public void UniqueDirectivesPerLocation_Repeatable_Valid() =>
        ExpectValid("{ dog { name @tag(name: \"a\") @tag(name: \"b\") } }");

    [Fact]
    public void KnownArgumentNames_Misspelt_ErrorWithSuggestion() =>
        ExpectError(
            "{ dog { knowsTrick(trik: SIT) } }",
            "Unknown argument \"trik\" on field \"Dog.knowsTrick\". Did you mean \"trick\"?",
            (1, 20));

    [Fact]
    public void KnownArgumentNames_OnDirective_Error() =>
        ExpectErrors(
            "{ dog { name @include(iff: true) } }",
            ("Unknown argument \"iff\" on directive \"@include\". Did you mean \"if\"?", [(1, 23)]),
            ("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", [(1, 14)]));

    [Fact]
    public void UniqueArgumentNames_Duplicate_Error() =>
        ExpectError("{ dog { isAt(x: 1, x: 2) } }", "There can be only one argument named \"x\".", (1, 14), (1, 20));

    [Fact]
    public void ValuesOfCorrectType_StringForInt_ScalarMessage() =>
        ExpectError("{ arguments { int(value: \"2\") } }", "Int cannot represent non-integer value: \"2\"", (1, 26));

    [Fact]
    public void ValuesOfCorrectType_UnknownEnumValue_Suggests() =>
        ExpectError(
            "{ arguments { trick(value: STAYY) } }",
            "Value \"STAYY\" does not exist in \"Trick\" enum. Did you mean the enum value \"STAY\"?",
            (1, 28));

    [Fact]
    public void ValuesOfCorrectType_MissingRequiredInputField_Error() =>
        ExpectError(
            "{ arguments { pet(value: { age: 3 }) } }",
            "Field \"PetInput.name\" of required type \"String!\" was not provided.",
            (1, 26));

    [Fact]
    public void ValuesOfCorrectType_OneOfWithTwoKeys_Error() =>
        ExpectError(
            "{ arguments { lookup(by: { id: \"1\", name: \"x\" }) } }",
            "OneOf Input Object \"PetLookup\" must specify exactly one key.",
            (1, 26));

    [Fact]
    public void ValuesOfCorrectType_OneOfNullField_Error() =>
        ExpectError(
            "{ arguments { lookup(by: { name: null }) } }", "Field \"PetLookup.name\" must be non-null.", (1, 26));

    [Fact]
    public void ValuesOfCorrectType_GoodValues_Valid() =>
        ExpectValid("{ arguments { pet(value: { name: \"Rex\", tricks: [SIT] }) float(value: 1) strings(values: \"one\") lookup(by: { coat: LONG }) } }");

    [Fact]
    public void ProvidedRequiredArguments_MissingOnField_ErrorAtField() =>
        ExpectError(
            "{ arguments { requiredInt } }",
            "Field \"requiredInt\" argument \"value\" of type \"Int!\" is required, but it was not provided.",
            (1, 15));

    [Fact]
    public void ProvidedRequiredArguments_DefaultedNonNull_Valid() => ExpectValid("{ arguments { requiredWithDefault } }");

    [Fact]
    public void VariablesInAllowedPosition_NullableIntoNonNull_Error() =>
        ExpectError(
            "query Q($i: Int) { arguments { requiredInt(value: $i) } }",
            "Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".",
            (1, 9),
            (1, 51));

    [Fact]
    public void VariablesInAllowedPosition_NullableWithDefault_Valid() =>
        ExpectValid("query Q($i: Int = 1) { arguments { requiredInt(value: $i) } }");

    [Fact]
    public void VariablesInAllowedPosition_NullableVariableInOneOf_Error() =>
        ExpectError(
            "query Q($id: ID) { arguments { lookup(by: { id: $id }) } }",
            "Variable \"$id\" is of type \"ID\" but must be non-nullable to be used for OneOf Input Object \"PetLookup\".",
            (1, 9),
            (1, 49));

    [Fact]
    public void OverlappingFieldsCanBeMerged_DifferentFieldsSameAlias_Error() =>
        ExpectError(
            "{ dog { name: nickname name } }",
            "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            (1, 9),
            (1, 24));

    [Fact]
    public void OverlappingFieldsCanBeMerged_DeepConflict_ReportsPath() =>
        ExpectError(
            "{ dog { mother { x: name } mother { x: nickname } } }",
            "Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            (1, 9),
            (1, 18),
            (1, 28),
            (1, 37));

    [Fact]
    public void OverlappingFieldsCanBeMerged_ExclusiveParents_Valid() =>
        ExpectValid("{ pet { ... on Dog { name: nickname } ... on Cat { name } } }");

    [Fact]
    public void UniqueInputFieldNames_Duplicate_Error() =>
        ExpectError(
            "{ arguments { pet(value: { name: \"a\", name: \"b\" }) } }",
            "There can be only one input field named \"name\".",
            (1, 28),
            (1, 39));
}
