using System.Text;
using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value);

    private static Token LexOne(string source)
    {
        var lexer = new Lexer(Encoding.UTF8.GetBytes(source));
        lexer.Advance();
        return new Token(lexer.Kind, lexer.Start, lexer.End, lexer.Line, lexer.Column, lexer.Value);
    }

    private static List<Token> LexAll(string source)
    {
        var lexer = new Lexer(Encoding.UTF8.GetBytes(source));
        var tokens = new List<Token>();
        while (lexer.Advance() != TokenKind.EndOfFile)
        {
            tokens.Add(new Token(lexer.Kind, lexer.Start, lexer.End, lexer.Line, lexer.Column, lexer.Value));
        }

        return tokens;
    }

    private static GraphQLSyntaxError LexError(string source) =>
        Assert.Throws<GraphQLSyntaxError>(() => LexAll(source));

    [Fact]
    public void Advance_IgnoresBomWhitespaceCommasAndComments()
    {
        var token = LexOne("\uFEFF \t,,\n\r\n\r  # a comment ü\n    foo");

        Assert.Equal(new Token(TokenKind.Name, 32, 35, 5, 5, "foo"), token);
    }

    [Fact]
    public void Advance_AllPunctuators_AreRecognised()
    {
        var kinds = LexAll("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);

        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread,
                TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL,
                TokenKind.Pipe, TokenKind.BraceR],
            kinds);
    }

    [Fact]
    public void Advance_SameNameTwice_ReturnsTheSameInternedString()
    {
        var tokens = LexAll("hero hero");

        Assert.Same(tokens[0].Value, tokens[1].Value);
    }

    [Fact]
    public void Advance_NonAsciiEarlierOnTheLine_CountsColumnsInUtf16Units()
    {
        // "é" is 2 bytes but 1 UTF-16 unit; "😀" is 4 bytes and 2 units, as graphql-js counts.
        var tokens = LexAll("\"é😀\" x");

        Assert.Equal(8, tokens[0].End);
        Assert.Equal(new Token(TokenKind.Name, 9, 10, 1, 7, "x"), tokens[1]);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP 😀")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \0")]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \U0010FFFF")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \0")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", "string with unicode surrogate pair escape 😀")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\\uDBFF\\uDFFF\"", "string with unicode surrogate pair escape 😀\U0010FFFF")]
    [InlineData("\"unescaped 😀 é\"", "unescaped 😀 é")]
    public void Advance_String_DecodesEscapes(string source, string expected)
    {
        var token = LexOne(source);

        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Theory]
    [InlineData("\"", "Syntax Error: Unterminated string.", 1, 2)]
    [InlineData("\"\"\"", "Syntax Error: Unterminated string.", 1, 4)]
    [InlineData("\"\"\"\"", "Syntax Error: Unterminated string.", 1, 5)]
    [InlineData("\"no end quote", "Syntax Error: Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"multi\nline\"", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Syntax Error: Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\uXXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6)]
    [InlineData("\"bad \\uFXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6)]
    [InlineData("\"bad \\uXXXF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{FFFF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6)]
    [InlineData("\"bad \\u{FFFF\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6)]
    [InlineData("\"too high \\u{110000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11)]
    [InlineData("\"way too high \\u{12345678} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15)]
    [InlineData("\"too long \\u{000000000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11)]
    [InlineData("\"bad surrogate \\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16)]
    [InlineData("\"bad surrogate \\u{DEAD} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{DEAD}\".", 1, 16)]
    [InlineData("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39)]
    [InlineData("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26)]
    [InlineData("\"bad low surrogate pair \\uD800\\uD800 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 25)]
    [InlineData("\"cannot escape half a pair \\uD83D\\u{DE00} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 28)]
    [InlineData("\"lone leading surrogate \\uD83D esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 25)]
    public void Advance_BadString_ReportsGraphQLJsError(string source, string message, int line, int column)
    {
        var error = LexError(source);

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"unescaped unicode outside BMP 😀\"\"\"", "unescaped unicode outside BMP 😀")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\"\"\"", "  first line keeps its indent\nsecond")]
    [InlineData("\"\"\"   \n  \t \n\"\"\"", "")]
    public void Advance_BlockString_DedentsPerSpec(string source, string expected)
    {
        var token = LexOne(source);

        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Fact]
    public void Advance_AfterBlockString_TracksLinesAndColumns()
    {
        var tokens = LexAll("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \n \"\"\" second_token");

        Assert.Equal(new Token(TokenKind.Name, 71, 83, 8, 6, "second_token"), tokens[1]);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("9", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4", TokenKind.Float)]
    [InlineData("-1.123E4", TokenKind.Float)]
    [InlineData("-1.123e-4", TokenKind.Float)]
    [InlineData("-1.123e+4", TokenKind.Float)]
    [InlineData("-1.123e4567", TokenKind.Float)]
    public void Advance_Number_KeepsTextAndKind(string source, TokenKind kind)
    {
        var token = LexOne(source);

        Assert.Equal((kind, source), (token.Kind, token.Value));
    }

    [Theory]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("01.23", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("+1", "Syntax Error: Unexpected character: \"+\".", 1)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1E", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1.e1", "Syntax Error: Invalid number, expected digit but got: \"e\".", 3)]
    [InlineData(".123", "Syntax Error: Unexpected character: \".\".", 1)]
    [InlineData("1.A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 3)]
    [InlineData("-A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 2)]
    [InlineData("1.0e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1.0eA", "Syntax Error: Invalid number, expected digit but got: \"A\".", 5)]
    [InlineData("1.0e\"", "Syntax Error: Invalid number, expected digit but got: '\"'.", 5)]
    [InlineData("1.2e3e", "Syntax Error: Invalid number, expected digit but got: \"e\".", 6)]
    [InlineData("1.2e3.4", "Syntax Error: Invalid number, expected digit but got: \".\".", 6)]
    [InlineData("1.23.4", "Syntax Error: Invalid number, expected digit but got: \".\".", 5)]
    [InlineData("0xF1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("0b10", "Syntax Error: Invalid number, expected digit but got: \"b\".", 2)]
    [InlineData("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1_234", "Syntax Error: Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1\u00DF", "Syntax Error: Unexpected character: U+00DF.", 2)]
    [InlineData("1.23f", "Syntax Error: Invalid number, expected digit but got: \"f\".", 5)]
    [InlineData("1.234_5", "Syntax Error: Invalid number, expected digit but got: \"_\".", 6)]
    public void Advance_BadNumber_ReportsGraphQLJsError(string source, string message, int column)
    {
        var error = LexError(source);

        Assert.Equal(message, error.Message);
        Assert.Equal((1, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".")]
    [InlineData("~", "Syntax Error: Unexpected character: \"~\".")]
    [InlineData("\x00", "Syntax Error: Unexpected character: U+0000.")]
    [InlineData("\b", "Syntax Error: Unexpected character: U+0008.")]
    [InlineData("\u00AA", "Syntax Error: Unexpected character: U+00AA.")]
    [InlineData("\u0AAA", "Syntax Error: Unexpected character: U+0AAA.")]
    [InlineData("\U0001F600", "Syntax Error: Unexpected character: U+1F600.")]
    public void Advance_UnknownCharacter_ReportsCodePoint(string source, string message)
    {
        var error = LexError(source);

        Assert.Equal(message, error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Advance_InvalidUtf8_ReportsReplacementCharacter()
    {
        var lexer = new Lexer([0xFF]);
        GraphQLSyntaxError? error = null;
        try
        {
            lexer.Advance();
        }
        catch (GraphQLSyntaxError e)
        {
            error = e;
        }

        Assert.Equal("Syntax Error: Unexpected character: U+FFFD.", error?.Message);
    }

    [Fact]
    public void Advance_ErrorOnLaterLine_ReportsLineAndColumn()
    {
        var error = LexError("\n\n    ?\n");

        Assert.Equal("Syntax Error: Unexpected character: \"?\".", error.Message);
        Assert.Equal((3, 5), (error.Line, error.Column));
    }
}
