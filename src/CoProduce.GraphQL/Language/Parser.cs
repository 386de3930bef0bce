using System.Runtime.CompilerServices;
using System.Text;

namespace CoProduce.GraphQL.Language;

/// <summary>
/// Parses GraphQL documents (executable and type system) from UTF-8 or strings. Every entry point either returns
/// a tree or throws <see cref="GraphQLSyntaxError"/>; no other exception escapes, whatever the input. The grammar,
/// the node locations and the error messages follow graphql-js 16, plus the September 2025 spec's descriptions on
/// executable definitions.
/// </summary>
public static class Parser
{
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;

        // Each char needs at least one UTF-8 byte: refuse oversized input before encoding it.
        if (source.Length > options.MaxDocumentBytes)
        {
            throw TooLarge(options);
        }

        return Parse(Encoding.UTF8.GetBytes(source), options);
    }

    public static DocumentNode Parse(ReadOnlySpan<byte> utf8Source, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        if (utf8Source.Length > options.MaxDocumentBytes)
        {
            throw TooLarge(options);
        }

        var parser = new DocumentParser(utf8Source, options);
        return parser.ParseDocument();
    }

    /// <summary>Parses a single value literal, e.g. <c>{ a: [1, 2] }</c>; variables are refused when <paramref name="constant"/>.</summary>
    public static ValueNode ParseValue(string source, bool constant = false, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        var parser = new DocumentParser(Encoding.UTF8.GetBytes(source), options);
        return parser.ParseStandalone(static (ref p, c) => p.ParseValueLiteral(c), constant);
    }

    /// <summary>Parses a type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        var parser = new DocumentParser(Encoding.UTF8.GetBytes(source), options);
        return parser.ParseStandalone(static (ref p, _) => p.ParseTypeReference(), false);
    }

    /// <summary>Parses without throwing: the document, or null and the syntax error.</summary>
    public static DocumentNode? TryParse(ReadOnlySpan<byte> utf8Source, out GraphQLSyntaxError? error, ParserOptions? options = null)
    {
        try
        {
            error = null;
            return Parse(utf8Source, options);
        }
        catch (GraphQLSyntaxError e)
        {
            error = e;
            return null;
        }
    }

    private static GraphQLSyntaxError TooLarge(ParserOptions options) =>
        new(GraphQLMessages.SyntaxDocumentLarger.With(options.MaxDocumentBytes), 0, 1, 1);
}

/// <summary>The recursive-descent parser proper (graphql-js's <c>Parser</c> class, over the UTF-8 lexer).</summary>
internal ref struct DocumentParser
{
    private readonly ParserOptions _options;
    private Lexer _lexer;
    private int _tokenCount;
    private int _depth;

    public DocumentParser(ReadOnlySpan<byte> source, ParserOptions options)
    {
        _options = options;
        _lexer = new Lexer(source);
    }

    internal delegate T ParseFunction<T>(ref DocumentParser parser, bool flag);

    public T ParseStandalone<T>(ParseFunction<T> parse, bool flag)
    {
        ExpectToken(TokenKind.StartOfFile);
        var result = parse(ref this, flag);
        ExpectToken(TokenKind.EndOfFile);
        return result;
    }

    // ---- Document ----------------------------------------------------------------------------------------------

    public DocumentNode ParseDocument()
    {
        var start = StartToken();
        ExpectToken(TokenKind.StartOfFile);
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));

        return new DocumentNode(definitions, Loc(start)) { TokenCount = _tokenCount };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        // Many definitions begin with a description and so need one token of lookahead.
        var hasDescription = PeekDescription();
        var (keywordKind, keyword, keywordStart, keywordLine, keywordColumn) = hasDescription
            ? _lexer.Lookahead()
            : (_lexer.Kind, _lexer.Value, _lexer.Start, _lexer.Line, _lexer.Column);

        if (keywordKind == TokenKind.Name)
        {
            switch (keyword)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }

            if (hasDescription && !(_options.AllowExecutableDescriptions
                && keyword is "query" or "mutation" or "subscription" or "fragment"))
            {
                throw Error(_lexer.Start, _lexer.Line, _lexer.Column,
                    GraphQLMessages.SyntaxUnexpectedDescription.With());
            }

            switch (keyword)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }

        throw Error(keywordStart, keywordLine, keywordColumn, GraphQLMessages.SyntaxUnexpected.With(Describe(keywordKind, keyword)));
    }

    // ---- Operations ----------------------------------------------------------------------------------------------

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = StartToken();
        if (Peek(TokenKind.BraceL))
        {
            return new OperationDefinitionNode(OperationType.Query, null, [], [], ParseSelectionSet(), Loc(start));
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        NameNode? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, selectionSet, Loc(start), description);
    }

    private OperationType ParseOperationType()
    {
        var start = StartToken();
        var value = _lexer.Value;
        ExpectToken(TokenKind.Name);
        return value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Error(start.Start, start.Line, start.Column, GraphQLMessages.SyntaxUnexpected.With(Describe(TokenKind.Name, value))),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var nodes = new List<VariableDefinitionNode>();
        do
        {
            nodes.Add(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return nodes;
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = StartToken();
        var description = _options.AllowExecutableDescriptions ? ParseDescription() : null;
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(true) : null;
        var directives = ParseDirectives(true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives, Loc(start), description);
    }

    private VariableNode ParseVariable()
    {
        var start = StartToken();
        ExpectToken(TokenKind.Dollar);
        return new VariableNode(ParseName(), Loc(start));
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = StartToken();
        EnterNesting(start);
        ExpectToken(TokenKind.BraceL);
        var selections = new List<SelectionNode>();
        do
        {
            selections.Add(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        _depth--;
        return new SelectionSetNode(selections, Loc(start));
    }

    private FieldNode ParseField()
    {
        var start = StartToken();
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(false);
        var directives = ParseDirectives(false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet, Loc(start));
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var nodes = new List<ArgumentNode>();
        do
        {
            var start = StartToken();
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            nodes.Add(new ArgumentNode(name, ParseValueLiteral(isConst), Loc(start)));
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return nodes;
    }

    private SelectionNode ParseFragment()
    {
        var start = StartToken();
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            return new FragmentSpreadNode(name, ParseDirectives(false), Loc(start));
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(false);
        return new InlineFragmentNode(typeCondition, directives, ParseSelectionSet(), Loc(start));
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet, Loc(start), description);
    }

    private NameNode ParseFragmentName()
    {
        if (_lexer.Value == "on" && _lexer.Kind == TokenKind.Name)
        {
            throw Unexpected();
        }

        return ParseName();
    }

    // ---- Values --------------------------------------------------------------------------------------------------

    internal ValueNode ParseValueLiteral(bool isConst)
    {
        var start = StartToken();
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
                {
                    EnterNesting(start);
                    Advance();
                    var values = new List<ValueNode>();
                    while (!ExpectOptionalToken(TokenKind.BracketR))
                    {
                        values.Add(ParseValueLiteral(isConst));
                    }

                    _depth--;
                    return new ListValueNode(values, Loc(start));
                }

            case TokenKind.BraceL:
                {
                    EnterNesting(start);
                    Advance();
                    var fields = new List<ObjectFieldNode>();
                    while (!ExpectOptionalToken(TokenKind.BraceR))
                    {
                        var fieldStart = StartToken();
                        var name = ParseName();
                        ExpectToken(TokenKind.Colon);
                        fields.Add(new ObjectFieldNode(name, ParseValueLiteral(isConst), Loc(fieldStart)));
                    }

                    _depth--;
                    return new ObjectValueNode(fields, Loc(start));
                }

            case TokenKind.Int:
                {
                    var value = _lexer.Value!; // Int tokens always carry their text.
                    Advance();
                    return new IntValueNode(value, Loc(start));
                }

            case TokenKind.Float:
                {
                    var value = _lexer.Value!; // Float tokens always carry their text.
                    Advance();
                    return new FloatValueNode(value, Loc(start));
                }

            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                {
                    var value = _lexer.Value!; // Name tokens always carry their text.
                    Advance();
                    return value switch
                    {
                        "true" => new BooleanValueNode(true, Loc(start)),
                        "false" => new BooleanValueNode(false, Loc(start)),
                        "null" => new NullValueNode(Loc(start)),
                        _ => new EnumValueNode(value, Loc(start)),
                    };
                }

            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw Error(start.Start, start.Line, start.Column,
                            GraphQLMessages.SyntaxVariableInConstant.With(_lexer.Value));
                    }

                    throw Error(start.Start, start.Line, start.Column, GraphQLMessages.SyntaxUnexpected.With(Describe(TokenKind.Dollar, null)));
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = StartToken();
        var value = _lexer.Value!; // String tokens always carry their value.
        var block = _lexer.Kind == TokenKind.BlockString;
        Advance();
        return new StringValueNode(value, block, Loc(start));
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = StartToken();
            Advance();
            var name = ParseName();
            directives.Add(new DirectiveNode(name, ParseArguments(isConst), Loc(start)));
        }

        return directives;
    }

    // ---- Types ---------------------------------------------------------------------------------------------------

    internal TypeNode ParseTypeReference()
    {
        var start = StartToken();
        TypeNode type;
        if (Peek(TokenKind.BracketL))
        {
            EnterNesting(start);
            Advance();
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode(inner, Loc(start));
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptionalToken(TokenKind.Bang) ? new NonNullTypeNode(type, Loc(start)) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = StartToken();
        return new NamedTypeNode(ParseName(), Loc(start));
    }

    private NameNode ParseName()
    {
        var start = StartToken();
        var value = _lexer.Value;
        ExpectToken(TokenKind.Name);
        return new NameNode(value!, Loc(start)); // ExpectToken succeeded, so this was a Name token with a value.
    }

    // ---- Type system ---------------------------------------------------------------------------------------------

    private bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(true);
        ExpectToken(TokenKind.BraceL);
        var operationTypes = new List<OperationTypeDefinitionNode>();
        do
        {
            operationTypes.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return new SchemaDefinitionNode(description, directives, operationTypes, Loc(start));
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = StartToken();
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        return new OperationTypeDefinitionNode(operation, ParseNamedType(), Loc(start));
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        return new ScalarTypeDefinitionNode(description, name, ParseDirectives(true), Loc(start));
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields, Loc(start));
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return [];
        }

        return ParseDelimited(TokenKind.Amp);
    }

    private List<NamedTypeNode> ParseDelimited(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var nodes = new List<NamedTypeNode>();
        do
        {
            nodes.Add(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));

        return nodes;
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var fields = new List<FieldDefinitionNode>();
        do
        {
            var start = StartToken();
            var description = ParseDescription();
            var name = ParseName();
            var arguments = ParseArgumentDefinitions();
            ExpectToken(TokenKind.Colon);
            var type = ParseTypeReference();
            var directives = ParseDirectives(true);
            fields.Add(new FieldDefinitionNode(description, name, arguments, type, directives, Loc(start)));
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return fields;
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }

        var nodes = new List<InputValueDefinitionNode>();
        do
        {
            var start = StartToken();
            var description = ParseDescription();
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var type = ParseTypeReference();
            var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(true) : null;
            var directives = ParseDirectives(true);
            nodes.Add(new InputValueDefinitionNode(description, name, type, defaultValue, directives, Loc(start)));
        }
        while (!ExpectOptionalToken(close));

        return nodes;
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields, Loc(start));
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(description, name, directives, types, Loc(start));
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseDelimited(TokenKind.Pipe) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(description, name, directives, values, Loc(start));
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var values = new List<EnumValueDefinitionNode>();
        do
        {
            var start = StartToken();
            var description = ParseDescription();
            if (_lexer.Kind == TokenKind.Name && _lexer.Value is "true" or "false" or "null")
            {
                throw Error(_lexer.Start, _lexer.Line, _lexer.Column,
                    GraphQLMessages.SyntaxReservedEnumValue.With(Describe(_lexer.Kind, _lexer.Value)));
            }

            var name = ParseName();
            values.Add(new EnumValueDefinitionNode(description, name, ParseDirectives(true), Loc(start)));
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return values;
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode(description, name, directives, fields, Loc(start));
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = StartToken();
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        IReadOnlyList<DirectiveNode> directives = _options.AllowDirectivesOnDirectiveDefinitions ? ParseDirectives(true) : [];
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        ExpectOptionalToken(TokenKind.Pipe);
        var locations = new List<NameNode>();
        do
        {
            var locationStart = StartToken();
            var location = ParseName();
            if (!LanguageNames.TryParseDirectiveLocation(location.Value, out _))
            {
                throw Error(locationStart.Start, locationStart.Line, locationStart.Column,
                    GraphQLMessages.SyntaxUnexpected.With(Describe(TokenKind.Name, location.Value)));
            }

            locations.Add(location);
        }
        while (ExpectOptionalToken(TokenKind.Pipe));

        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations, Loc(start))
        {
            Directives = directives,
        };
    }

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var (kind, keyword, start, line, column) = _lexer.Lookahead();
        if (kind == TokenKind.Name)
        {
            switch (keyword)
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectOrInterfaceExtension(isInterface: false);
                case "interface": return ParseObjectOrInterfaceExtension(isInterface: true);
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }

        throw Error(start, line, column, GraphQLMessages.SyntaxUnexpected.With(Describe(kind, keyword)));
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(true);
        List<OperationTypeDefinitionNode> operationTypes = [];
        if (ExpectOptionalToken(TokenKind.BraceL))
        {
            do
            {
                operationTypes.Add(ParseOperationTypeDefinition());
            }
            while (!ExpectOptionalToken(TokenKind.BraceR));
        }

        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected();
        }

        return new SchemaExtensionNode(directives, operationTypes, Loc(start));
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(true);
        if (directives.Count == 0)
        {
            throw Unexpected();
        }

        return new ScalarTypeExtensionNode(name, directives, Loc(start));
    }

    private TypeExtensionNode ParseObjectOrInterfaceExtension(bool isInterface)
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword(isInterface ? "interface" : "type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return isInterface
            ? new InterfaceTypeExtensionNode(name, interfaces, directives, fields, Loc(start))
            : new ObjectTypeExtensionNode(name, interfaces, directives, fields, Loc(start));
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected();
        }

        return new UnionTypeExtensionNode(name, directives, types, Loc(start));
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected();
        }

        return new EnumTypeExtensionNode(name, directives, values, Loc(start));
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = StartToken();
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return new InputObjectTypeExtensionNode(name, directives, fields, Loc(start));
    }

    // ---- Token helpers -------------------------------------------------------------------------------------------

    private readonly record struct TokenStart(int Start, int Line, int Column);

    private readonly TokenStart StartToken() => new(_lexer.Start, _lexer.Line, _lexer.Column);

    private readonly Location Loc(TokenStart start) => new(start.Start, _lexer.PreviousEnd, start.Line, start.Column);

    private readonly bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Advance()
    {
        var kind = _lexer.Advance();
        if (kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw Error(_lexer.Start, _lexer.Line, _lexer.Column,
                GraphQLMessages.SyntaxTooManyTokens.With(_options.MaxTokens));
        }
    }

    private void ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw Error(_lexer.Start, _lexer.Line, _lexer.Column,
                GraphQLMessages.SyntaxExpected.With(kind.Describe(), Describe(_lexer.Kind, _lexer.Value)));
        }

        Advance();
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!ExpectOptionalKeyword(keyword))
        {
            throw Error(_lexer.Start, _lexer.Line, _lexer.Column,
                GraphQLMessages.SyntaxExpectedKeyword.With(keyword, Describe(_lexer.Kind, _lexer.Value)));
        }
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (_lexer.Kind != TokenKind.Name || _lexer.Value != keyword)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void EnterNesting(TokenStart at)
    {
        // The depth limit bounds recursion for the configured maximum; the stack probe keeps even a generous limit
        // from overflowing on a small thread stack.
        if (++_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(at.Start, at.Line, at.Column,
                GraphQLMessages.SyntaxTooDeep.With(_options.MaxDepth));
        }
    }

    private readonly GraphQLSyntaxError Unexpected() =>
        Error(_lexer.Start, _lexer.Line, _lexer.Column, GraphQLMessages.SyntaxUnexpected.With(Describe(_lexer.Kind, _lexer.Value)));

    private static string Describe(TokenKind kind, string? value) =>
        value is null || kind is not (TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString)
            ? kind.Describe()
            : $"{kind.Describe()} \"{value}\"";

    private static GraphQLSyntaxError Error(int offset, int line, int column, GraphQLMessage description) =>
        new(description, offset, line, column);
}
