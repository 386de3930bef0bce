namespace CoProduce.GraphQL;

/// <summary>
/// Every message the engine words for syntax, validation, coercion, limit and execution errors: a stable key and
/// the English text graphql-js 16 uses. The same keys are in <c>locales/Strings.resx</c> (English) and
/// <c>locales/Strings.cy.resx</c> (Welsh), so a host can answer in Welsh (<see cref="GraphQLError.LocalizeMessage"/>).
/// A test keeps this list, the two files and the placeholders in step.
/// </summary>
public static class GraphQLMessages
{
    // ---- Text ------------------------------------------------------------------------------------------------

    public static readonly MessageTemplate Verbatim = new("GraphQL.Text", "{0}");


    // ---- Syntax ----------------------------------------------------------------------------------------------

    public static readonly MessageTemplate SyntaxError = new("GraphQL.Syntax.Error", "Syntax Error: {0}");

    public static readonly MessageTemplate SyntaxSingleQuote = new("GraphQL.Syntax.SingleQuote", "Unexpected single quote character ('), did you mean to use a double quote (\")?");

    public static readonly MessageTemplate SyntaxUnexpectedCharacter = new("GraphQL.Syntax.UnexpectedCharacter", "Unexpected character: {0}.");

    public static readonly MessageTemplate SyntaxDigitAfterZero = new("GraphQL.Syntax.DigitAfterZero", "Invalid number, unexpected digit after 0: {0}.");

    public static readonly MessageTemplate SyntaxExpectedDigit = new("GraphQL.Syntax.ExpectedDigit", "Invalid number, expected digit but got: {0}.");

    public static readonly MessageTemplate SyntaxUnterminatedString = new("GraphQL.Syntax.UnterminatedString", "Unterminated string.");

    public static readonly MessageTemplate SyntaxInvalidUnicodeEscape = new("GraphQL.Syntax.InvalidUnicodeEscape", "Invalid Unicode escape sequence: \"{0}\".");

    public static readonly MessageTemplate SyntaxInvalidEscape = new("GraphQL.Syntax.InvalidCharacterEscape", "Invalid character escape sequence: \"{0}\".");

    public static readonly MessageTemplate SyntaxDocumentLarger = new("GraphQL.Syntax.DocumentLarger", "Document is larger than the maximum of {0} bytes.");

    public static readonly MessageTemplate SyntaxDocumentTooLarge = new("GraphQL.Syntax.DocumentTooLarge", "Document exceeds the maximum size of {0} bytes.");

    public static readonly MessageTemplate SyntaxUnexpectedDescription = new("GraphQL.Syntax.UnexpectedDescription", "Unexpected description, descriptions are supported only on type definitions.");

    public static readonly MessageTemplate SyntaxUnexpected = new("GraphQL.Syntax.Unexpected", "Unexpected {0}.");

    public static readonly MessageTemplate SyntaxVariableInConstant = new("GraphQL.Syntax.VariableInConstant", "Unexpected variable \"${0}\" in constant value.");

    public static readonly MessageTemplate SyntaxReservedEnumValue = new("GraphQL.Syntax.ReservedEnumValue", "{0} is reserved and cannot be used for an enum value.");

    public static readonly MessageTemplate SyntaxTooManyTokens = new("GraphQL.Syntax.TooManyTokens", "Document contains more than {0} tokens. Parsing aborted.");

    public static readonly MessageTemplate SyntaxExpected = new("GraphQL.Syntax.Expected", "Expected {0}, found {1}.");

    public static readonly MessageTemplate SyntaxExpectedKeyword = new("GraphQL.Syntax.ExpectedKeyword", "Expected \"{0}\", found {1}.");

    public static readonly MessageTemplate SyntaxTooDeep = new("GraphQL.Syntax.TooDeep", "Document exceeds the maximum nesting depth of {0}. Parsing aborted.");

    public static readonly MessageTemplate SyntaxUnableToParse = new("GraphQL.Syntax.UnableToParse", "Unable to parse the document.");


    // ---- Suggestion ------------------------------------------------------------------------------------------

    public static readonly MessageTemplate DidYouMeanSingle = new("GraphQL.Suggestion.Single", " Did you mean {0}?");

    public static readonly MessageTemplate DidYouMeanPair = new("GraphQL.Suggestion.Pair", " Did you mean {0} or {1}?");

    public static readonly MessageTemplate DidYouMeanList = new("GraphQL.Suggestion.List", " Did you mean {0}, or {1}?");

    public static readonly MessageTemplate DidYouMeanInlineFragmentSingle = new("GraphQL.Suggestion.InlineFragment.Single", " Did you mean to use an inline fragment on {0}?");

    public static readonly MessageTemplate DidYouMeanInlineFragmentPair = new("GraphQL.Suggestion.InlineFragment.Pair", " Did you mean to use an inline fragment on {0} or {1}?");

    public static readonly MessageTemplate DidYouMeanInlineFragmentList = new("GraphQL.Suggestion.InlineFragment.List", " Did you mean to use an inline fragment on {0}, or {1}?");

    public static readonly MessageTemplate DidYouMeanEnumValueSingle = new("GraphQL.Suggestion.EnumValue.Single", " Did you mean the enum value {0}?");

    public static readonly MessageTemplate DidYouMeanEnumValuePair = new("GraphQL.Suggestion.EnumValue.Pair", " Did you mean the enum value {0} or {1}?");

    public static readonly MessageTemplate DidYouMeanEnumValueList = new("GraphQL.Suggestion.EnumValue.List", " Did you mean the enum value {0}, or {1}?");


    // ---- Validation ------------------------------------------------------------------------------------------

    public static readonly MessageTemplate NotExecutable = new("GraphQL.Validation.NotExecutable", "The {0} definition is not executable.");

    public static readonly MessageTemplate OperationNotSupported = new("GraphQL.Validation.OperationNotSupported", "The {0} operation is not supported by the schema.");

    public static readonly MessageTemplate DuplicateOperation = new("GraphQL.Validation.DuplicateOperation", "There can be only one operation named \"{0}\".");

    public static readonly MessageTemplate LoneAnonymousOperation = new("GraphQL.Validation.LoneAnonymousOperation", "This anonymous operation must be the only defined operation.");

    public static readonly MessageTemplate VariableNotInputType = new("GraphQL.Validation.VariableNotInputType", "Variable \"${0}\" cannot be non-input type \"{1}\".");

    public static readonly MessageTemplate FragmentOnNonComposite = new("GraphQL.Validation.FragmentOnNonCompositeType", "Fragment \"{0}\" cannot condition on non composite type \"{1}\".");

    public static readonly MessageTemplate InlineFragmentOnNonComposite = new("GraphQL.Validation.InlineFragmentOnNonCompositeType", "Fragment cannot condition on non composite type \"{0}\".");

    public static readonly MessageTemplate DuplicateFragment = new("GraphQL.Validation.DuplicateFragment", "There can be only one fragment named \"{0}\".");

    public static readonly MessageTemplate LeafFieldWithSelection = new("GraphQL.Validation.LeafFieldWithSelection", "Field \"{0}\" must not have a selection since type \"{1}\" has no subfields.");

    public static readonly MessageTemplate MissingSelection = new("GraphQL.Validation.MissingSelection", "Field \"{0}\" of type \"{1}\" must have a selection of subfields. Did you mean \"{0} {{ ... }}\"?");

    public static readonly MessageTemplate EmptySelection = new("GraphQL.Validation.EmptySelection", "Field \"{0}\" of type \"{1}\" must have at least one field selected.");

    public static readonly MessageTemplate FieldNotDefined = new("GraphQL.Validation.FieldNotDefined", "Cannot query field \"{0}\" on type \"{1}\".{2}");

    public static readonly MessageTemplate IntrospectionDepth = new("GraphQL.Validation.IntrospectionDepth", "Maximum introspection depth exceeded");

    public static readonly MessageTemplate MissingFieldArgument = new("GraphQL.Validation.MissingFieldArgument", "Field \"{0}\" argument \"{1}\" of type \"{2}\" is required, but it was not provided.");

    public static readonly MessageTemplate UnknownFieldArgument = new("GraphQL.Validation.UnknownFieldArgument", "Unknown argument \"{0}\" on field \"{1}.{2}\".{3}");

    public static readonly MessageTemplate UnknownFragment = new("GraphQL.Validation.UnknownFragment", "Unknown fragment \"{0}\".");

    public static readonly MessageTemplate ImpossibleFragmentSpread = new("GraphQL.Validation.ImpossibleFragmentSpread", "Fragment \"{0}\" cannot be spread here as objects of type \"{1}\" can never be of type \"{2}\".");

    public static readonly MessageTemplate ImpossibleInlineFragment = new("GraphQL.Validation.ImpossibleInlineFragment", "Fragment cannot be spread here as objects of type \"{0}\" can never be of type \"{1}\".");

    public static readonly MessageTemplate UnknownType = new("GraphQL.Validation.UnknownType", "Unknown type \"{0}\".{1}");

    public static readonly MessageTemplate DuplicateVariable = new("GraphQL.Validation.DuplicateVariable", "There can be only one variable named \"${0}\".");

    public static readonly MessageTemplate DuplicateArgument = new("GraphQL.Validation.DuplicateArgument", "There can be only one argument named \"{0}\".");

    public static readonly MessageTemplate DuplicateDirective = new("GraphQL.Validation.DuplicateDirective", "The directive \"@{0}\" can only be used once at this location.");

    public static readonly MessageTemplate FieldsConflict = new("GraphQL.Validation.FieldsConflict", "Fields \"{0}\" conflict because {1}. Use different aliases on the fields to fetch both if this was intentional.");

    public static readonly MessageTemplate ConflictDifferingArguments = new("GraphQL.Validation.Conflict.DifferingArguments", "they have differing arguments");

    public static readonly MessageTemplate ConflictDifferentFields = new("GraphQL.Validation.Conflict.DifferentFields", "\"{0}\" and \"{1}\" are different fields");

    public static readonly MessageTemplate ConflictTypes = new("GraphQL.Validation.Conflict.Types", "they return conflicting types \"{0}\" and \"{1}\"");

    public static readonly MessageTemplate ConflictSubfields = new("GraphQL.Validation.Conflict.Subfields", "subfields \"{0}\" conflict because {1}");

    public static readonly MessageTemplate ConflictAnd = new("GraphQL.Validation.Conflict.And", "{0} and {1}");

    public static readonly MessageTemplate SubscriptionSingleRoot = new("GraphQL.Validation.SubscriptionSingleRootField", "Subscription \"{0}\" must select only one top level field.");

    public static readonly MessageTemplate AnonymousSubscriptionSingleRoot = new("GraphQL.Validation.AnonymousSubscriptionSingleRootField", "Anonymous Subscription must select only one top level field.");

    public static readonly MessageTemplate SubscriptionIntrospectionRoot = new("GraphQL.Validation.SubscriptionIntrospectionRootField", "Subscription \"{0}\" must not select an introspection top level field.");

    public static readonly MessageTemplate AnonymousSubscriptionIntrospectionRoot = new("GraphQL.Validation.AnonymousSubscriptionIntrospectionRootField", "Anonymous Subscription must not select an introspection top level field.");

    public static readonly MessageTemplate FragmentCycle = new("GraphQL.Validation.FragmentCycle", "Cannot spread fragment \"{0}\" within itself.");

    public static readonly MessageTemplate FragmentCycleVia = new("GraphQL.Validation.FragmentCycleVia", "Cannot spread fragment \"{0}\" within itself via {1}.");

    public static readonly MessageTemplate UnusedFragment = new("GraphQL.Validation.UnusedFragment", "Fragment \"{0}\" is never used.");

    public static readonly MessageTemplate UndefinedVariableInOperation = new("GraphQL.Validation.UndefinedVariableInOperation", "Variable \"${0}\" is not defined by operation \"{1}\".");

    public static readonly MessageTemplate UndefinedVariable = new("GraphQL.Validation.UndefinedVariable", "Variable \"${0}\" is not defined.");

    public static readonly MessageTemplate UnusedVariableInOperation = new("GraphQL.Validation.UnusedVariableInOperation", "Variable \"${0}\" is never used in operation \"{1}\".");

    public static readonly MessageTemplate UnusedVariable = new("GraphQL.Validation.UnusedVariable", "Variable \"${0}\" is never used.");

    public static readonly MessageTemplate VariablePosition = new("GraphQL.Validation.VariablePosition", "Variable \"${0}\" of type \"{1}\" used in position expecting type \"{2}\".");

    public static readonly MessageTemplate OneOfVariableNullable = new("GraphQL.Validation.OneOfVariableNullable", "Variable \"${0}\" is of type \"{1}\" but must be non-nullable to be used for OneOf Input Object \"{2}\".");

    public static readonly MessageTemplate UnknownDirective = new("GraphQL.Validation.UnknownDirective", "Unknown directive \"@{0}\".");

    public static readonly MessageTemplate MisplacedDirective = new("GraphQL.Validation.MisplacedDirective", "Directive \"@{0}\" may not be used on {1}.");

    public static readonly MessageTemplate UnknownDirectiveArgument = new("GraphQL.Validation.UnknownDirectiveArgument", "Unknown argument \"{0}\" on directive \"@{1}\".{2}");

    public static readonly MessageTemplate MissingDirectiveArgument = new("GraphQL.Validation.MissingDirectiveArgument", "Directive \"@{0}\" argument \"{1}\" of type \"{2}\" is required, but it was not provided.");

    public static readonly MessageTemplate NullForNonNull = new("GraphQL.Validation.NullForNonNull", "Expected value of type \"{0}\", found null.");

    public static readonly MessageTemplate MissingInputField = new("GraphQL.Validation.MissingInputField", "Field \"{0}.{1}\" of required type \"{2}\" was not provided.");

    public static readonly MessageTemplate UnknownInputField = new("GraphQL.Validation.UnknownInputField", "Field \"{0}\" is not defined by type \"{1}\".{2}");

    public static readonly MessageTemplate DuplicateInputField = new("GraphQL.Validation.DuplicateInputField", "There can be only one input field named \"{0}\".");

    public static readonly MessageTemplate OneOfExactlyOneKey = new("GraphQL.Validation.OneOfExactlyOneKey", "OneOf Input Object \"{0}\" must specify exactly one key.");

    public static readonly MessageTemplate OneOfNonNull = new("GraphQL.Validation.OneOfNonNull", "Field \"{0}.{1}\" must be non-null.");

    public static readonly MessageTemplate ExpectedValue = new("GraphQL.Validation.ExpectedValue", "Expected value of type \"{0}\", found {1}.");

    public static readonly MessageTemplate ExpectedValueBecause = new("GraphQL.Validation.ExpectedValueBecause", "Expected value of type \"{0}\", found {1}; {2}");

    public static readonly MessageTemplate WithSuggestion = new("GraphQL.Validation.WithSuggestion", "{0}{1}");

    public static readonly MessageTemplate TooManyValidationErrors = new("GraphQL.Validation.TooManyErrors", "Too many validation errors, error limit reached. Validation aborted.");

    public static readonly MessageTemplate ValidationAborted = new("GraphQL.Validation.Aborted", "Validation aborted.");


    // ---- Coercion --------------------------------------------------------------------------------------------

    public static readonly MessageTemplate IntNonInteger = new("GraphQL.Coercion.IntNonInteger", "Int cannot represent non-integer value: {0}");

    public static readonly MessageTemplate IntRange = new("GraphQL.Coercion.IntRange", "Int cannot represent non 32-bit signed integer value: {0}");

    public static readonly MessageTemplate FloatNonNumeric = new("GraphQL.Coercion.FloatNonNumeric", "Float cannot represent non numeric value: {0}");

    public static readonly MessageTemplate StringValue = new("GraphQL.Coercion.StringValue", "String cannot represent value: {0}");

    public static readonly MessageTemplate StringNonString = new("GraphQL.Coercion.StringNonString", "String cannot represent a non string value: {0}");

    public static readonly MessageTemplate BooleanNonBoolean = new("GraphQL.Coercion.BooleanNonBoolean", "Boolean cannot represent a non boolean value: {0}");

    public static readonly MessageTemplate IdValue = new("GraphQL.Coercion.IdValue", "ID cannot represent value: {0}");

    public static readonly MessageTemplate IdNonStringNonInteger = new("GraphQL.Coercion.IdNonStringNonInteger", "ID cannot represent a non-string and non-integer value: {0}");

    public static readonly MessageTemplate EnumValue = new("GraphQL.Coercion.EnumValue", "Enum \"{0}\" cannot represent value: {1}");

    public static readonly MessageTemplate EnumNonString = new("GraphQL.Coercion.EnumNonString", "Enum \"{0}\" cannot represent non-string value: {1}.");

    public static readonly MessageTemplate EnumUnknownValue = new("GraphQL.Coercion.EnumUnknownValue", "Value \"{0}\" does not exist in \"{1}\" enum.");

    public static readonly MessageTemplate EnumNonEnum = new("GraphQL.Coercion.EnumNonEnum", "Enum \"{0}\" cannot represent non-enum value: {1}.");

    public static readonly MessageTemplate InputNonNull = new("GraphQL.Coercion.NonNull", "Expected non-nullable type \"{0}\" not to be null.");

    public static readonly MessageTemplate InputScalarFailed = new("GraphQL.Coercion.ScalarFailed", "Expected type \"{0}\". {1}");

    public static readonly MessageTemplate InputExpectedType = new("GraphQL.Coercion.ExpectedType", "Expected type \"{0}\".");

    public static readonly MessageTemplate InputNotObject = new("GraphQL.Coercion.NotAnObject", "Expected type \"{0}\" to be an object.");

    public static readonly MessageTemplate InputMissingField = new("GraphQL.Coercion.MissingField", "Field \"{0}\" of required type \"{1}\" was not provided.");

    public static readonly MessageTemplate InputUnknownField = new("GraphQL.Coercion.UnknownField", "Field \"{0}\" is not defined by type \"{1}\".{2}");

    public static readonly MessageTemplate InputOneOfExactlyOne = new("GraphQL.Coercion.OneOfExactlyOneKey", "Exactly one key must be specified for OneOf type \"{0}\".");

    public static readonly MessageTemplate InputOneOfNonNull = new("GraphQL.Coercion.OneOfNonNull", "Field \"{0}\" must be non-null.");


    // ---- Variables -------------------------------------------------------------------------------------------

    public static readonly MessageTemplate VariableNotInput = new("GraphQL.Variables.NotInputType", "Variable \"${0}\" expected value of type \"{1}\" which cannot be used as an input type.");

    public static readonly MessageTemplate VariableMissing = new("GraphQL.Variables.Missing", "Variable \"${0}\" of required type \"{1}\" was not provided.");

    public static readonly MessageTemplate VariableNull = new("GraphQL.Variables.Null", "Variable \"${0}\" of non-null type \"{1}\" must not be null.");

    public static readonly MessageTemplate VariableInvalid = new("GraphQL.Variables.Invalid", "Variable \"${0}\" got invalid value {1}; {2}");

    public static readonly MessageTemplate VariableInvalidAt = new("GraphQL.Variables.InvalidAt", "Variable \"${0}\" got invalid value {1} at \"{2}\"; {3}");

    public static readonly MessageTemplate VariablesTooManyErrors = new("GraphQL.Variables.TooManyErrors", "Too many errors processing variables, error limit reached. Execution aborted.");


    // ---- Arguments -------------------------------------------------------------------------------------------

    public static readonly MessageTemplate ArgumentMissing = new("GraphQL.Arguments.Missing", "Argument \"{0}\" of required type \"{1}\" was not provided.");

    public static readonly MessageTemplate ArgumentVariableMissing = new("GraphQL.Arguments.VariableMissing", "Argument \"{0}\" of required type \"{1}\" was provided the variable \"${2}\" which was not provided a runtime value.");

    public static readonly MessageTemplate ArgumentNull = new("GraphQL.Arguments.Null", "Argument \"{0}\" of non-null type \"{1}\" must not be null.");

    public static readonly MessageTemplate ArgumentInvalid = new("GraphQL.Arguments.Invalid", "Argument \"{0}\" has invalid value {1}.");

    public static readonly MessageTemplate ArgumentsInvalid = new("GraphQL.Arguments.InvalidArguments", "Invalid arguments.");


    // ---- Request ---------------------------------------------------------------------------------------------

    public static readonly MessageTemplate MustProvideOperation = new("GraphQL.Request.MustProvideOperation", "Must provide an operation.");

    public static readonly MessageTemplate MustProvideOperationName = new("GraphQL.Request.MustProvideOperationName", "Must provide operation name if query contains multiple operations.");

    public static readonly MessageTemplate UnknownOperation = new("GraphQL.Request.UnknownOperation", "Unknown operation named \"{0}\".");

    public static readonly MessageTemplate OperationTypeNotConfigured = new("GraphQL.Request.OperationTypeNotConfigured", "Schema is not configured to execute {0} operation.");

    public static readonly MessageTemplate IntrospectionDisabled = new("GraphQL.Request.IntrospectionDisabled", "GraphQL introspection has been disabled, but the requested query contained the field \"{0}\".");

    public static readonly MessageTemplate Timeout = new("GraphQL.Request.Timeout", "Execution timed out after {0} ms.");

    public static readonly MessageTemplate UnexpectedError = new("GraphQL.Request.UnexpectedError", "Unexpected error.");


    // ---- Limits ----------------------------------------------------------------------------------------------

    public static readonly MessageTemplate MaxFields = new("GraphQL.Limits.MaxFields", "The operation selects more than the maximum of {0} fields.");

    public static readonly MessageTemplate MaxDepth = new("GraphQL.Limits.MaxDepth", "The operation's selection depth of {0} exceeds the maximum of {1}.");

    public static readonly MessageTemplate MaxAliases = new("GraphQL.Limits.MaxAliases", "The operation uses {0} aliases, more than the maximum of {1}.");

    public static readonly MessageTemplate MaxCost = new("GraphQL.Limits.MaxCost", "The operation's estimated cost of {0} exceeds the maximum of {1}.");


    // ---- Execution -------------------------------------------------------------------------------------------

    public static readonly MessageTemplate NonNullField = new("GraphQL.Execution.NonNullField", "Cannot return null for non-nullable field {0}.{1}.");

    public static readonly MessageTemplate NotIterable = new("GraphQL.Execution.NotIterable", "Expected Iterable, but did not find one for field \"{0}.{1}\".");

    public static readonly MessageTemplate WrongObjectType = new("GraphQL.Execution.WrongObjectType", "Expected value of type \"{0}\" but got: {1}.");

    public static readonly MessageTemplate SerializeReturnedNull = new("GraphQL.Execution.SerializeReturnedNull", "Expected `{0}.serialize({1})` to return non-nullable value, returned: null");

    public static readonly MessageTemplate AbstractTypeUnresolved = new("GraphQL.Execution.AbstractTypeUnresolved", "Abstract type \"{0}\" must resolve to an Object type at runtime for field \"{1}.{2}\". Either the \"{0}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");

    public static readonly MessageTemplate AbstractTypeMissing = new("GraphQL.Execution.AbstractTypeMissing", "Abstract type \"{0}\" was resolved to a type \"{1}\" that does not exist inside the schema.");

    public static readonly MessageTemplate AbstractTypeNotObject = new("GraphQL.Execution.AbstractTypeNotObject", "Abstract type \"{0}\" was resolved to a non-object type \"{1}\".");

    public static readonly MessageTemplate NotPossibleType = new("GraphQL.Execution.NotPossibleType", "Runtime Object type \"{0}\" is not a possible type for \"{1}\".");

    public static readonly MessageTemplate SubscriptionNoField = new("GraphQL.Execution.SubscriptionNoField", "Subscription has no field to subscribe to.");

    public static readonly MessageTemplate SubscriptionNotStream = new("GraphQL.Execution.SubscriptionNotStream", "Subscription field must return Async Iterable. Received: {0}.");

    /// <summary>Every template, in declaration order.</summary>
    public static IReadOnlyList<MessageTemplate> All { get; } =
    [
        Verbatim,
        SyntaxError,
        SyntaxSingleQuote,
        SyntaxUnexpectedCharacter,
        SyntaxDigitAfterZero,
        SyntaxExpectedDigit,
        SyntaxUnterminatedString,
        SyntaxInvalidUnicodeEscape,
        SyntaxInvalidEscape,
        SyntaxDocumentLarger,
        SyntaxDocumentTooLarge,
        SyntaxUnexpectedDescription,
        SyntaxUnexpected,
        SyntaxVariableInConstant,
        SyntaxReservedEnumValue,
        SyntaxTooManyTokens,
        SyntaxExpected,
        SyntaxExpectedKeyword,
        SyntaxTooDeep,
        SyntaxUnableToParse,
        DidYouMeanSingle,
        DidYouMeanPair,
        DidYouMeanList,
        DidYouMeanInlineFragmentSingle,
        DidYouMeanInlineFragmentPair,
        DidYouMeanInlineFragmentList,
        DidYouMeanEnumValueSingle,
        DidYouMeanEnumValuePair,
        DidYouMeanEnumValueList,
        NotExecutable,
        OperationNotSupported,
        DuplicateOperation,
        LoneAnonymousOperation,
        VariableNotInputType,
        FragmentOnNonComposite,
        InlineFragmentOnNonComposite,
        DuplicateFragment,
        LeafFieldWithSelection,
        MissingSelection,
        EmptySelection,
        FieldNotDefined,
        IntrospectionDepth,
        MissingFieldArgument,
        UnknownFieldArgument,
        UnknownFragment,
        ImpossibleFragmentSpread,
        ImpossibleInlineFragment,
        UnknownType,
        DuplicateVariable,
        DuplicateArgument,
        DuplicateDirective,
        FieldsConflict,
        ConflictDifferingArguments,
        ConflictDifferentFields,
        ConflictTypes,
        ConflictSubfields,
        ConflictAnd,
        SubscriptionSingleRoot,
        AnonymousSubscriptionSingleRoot,
        SubscriptionIntrospectionRoot,
        AnonymousSubscriptionIntrospectionRoot,
        FragmentCycle,
        FragmentCycleVia,
        UnusedFragment,
        UndefinedVariableInOperation,
        UndefinedVariable,
        UnusedVariableInOperation,
        UnusedVariable,
        VariablePosition,
        OneOfVariableNullable,
        UnknownDirective,
        MisplacedDirective,
        UnknownDirectiveArgument,
        MissingDirectiveArgument,
        NullForNonNull,
        MissingInputField,
        UnknownInputField,
        DuplicateInputField,
        OneOfExactlyOneKey,
        OneOfNonNull,
        ExpectedValue,
        ExpectedValueBecause,
        WithSuggestion,
        TooManyValidationErrors,
        ValidationAborted,
        IntNonInteger,
        IntRange,
        FloatNonNumeric,
        StringValue,
        StringNonString,
        BooleanNonBoolean,
        IdValue,
        IdNonStringNonInteger,
        EnumValue,
        EnumNonString,
        EnumUnknownValue,
        EnumNonEnum,
        InputNonNull,
        InputScalarFailed,
        InputExpectedType,
        InputNotObject,
        InputMissingField,
        InputUnknownField,
        InputOneOfExactlyOne,
        InputOneOfNonNull,
        VariableNotInput,
        VariableMissing,
        VariableNull,
        VariableInvalid,
        VariableInvalidAt,
        VariablesTooManyErrors,
        ArgumentMissing,
        ArgumentVariableMissing,
        ArgumentNull,
        ArgumentInvalid,
        ArgumentsInvalid,
        MustProvideOperation,
        MustProvideOperationName,
        UnknownOperation,
        OperationTypeNotConfigured,
        IntrospectionDisabled,
        Timeout,
        UnexpectedError,
        MaxFields,
        MaxDepth,
        MaxAliases,
        MaxCost,
        NonNullField,
        NotIterable,
        WrongObjectType,
        SerializeReturnedNull,
        AbstractTypeUnresolved,
        AbstractTypeMissing,
        AbstractTypeNotObject,
        NotPossibleType,
        SubscriptionNoField,
        SubscriptionNotStream,
    ];
}
