using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Theory]
    [InlineData(KitchenSink.Query)]
    [InlineData(KitchenSink.Schema)]
    public void Print_KitchenSink_ReproducesCanonicalSource(string source)
    {
        var printed = Printer.Print(Parser.Parse(source));

        Assert.Equal(source, printed);
    }
}

public sealed class PrinterFormatTests
{
    [Theory]
    [InlineData("query { a }", "{\n  a\n}")]
    [InlineData("query Q { a }", "query Q {\n  a\n}")]
    [InlineData("query ($a: Int) { a }", "query ($a: Int) {\n  a\n}")]
    [InlineData("query @d { a }", "query @d {\n  a\n}")]
    [InlineData("mutation { a }", "mutation {\n  a\n}")]
    [InlineData("{ a(x: {b: [1, 2.5, \"s\", E, null, true, $v]}) }", "{\n  a(x: {b: [1, 2.5, \"s\", E, null, true, $v]})\n}")]
    [InlineData("{a,b,c}", "{\n  a\n  b\n  c\n}")]
    [InlineData("fragment F on T @d { a }", "fragment F on T @d {\n  a\n}")]
    [InlineData("{ ... @include(if: true) { a } }", "{\n  ... @include(if: true) {\n    a\n  }\n}")]
    [InlineData("type T { f(a: Int = 1 @d, \"desc\" b: String): Int }", "type T {\n  f(\n    a: Int = 1 @d\n    \"desc\"\n    b: String\n  ): Int\n}")]
    [InlineData("directive @d(a: Int) repeatable on FIELD | OBJECT", "directive @d(a: Int) repeatable on FIELD | OBJECT")]
    [InlineData("union U = A | B", "union U = A | B")]
    [InlineData("union U", "union U")]
    [InlineData("type T", "type T")]
    [InlineData("\"op\" query Q { a }", "\"op\"\nquery Q {\n  a\n}")]
    [InlineData("\"op\" query { a }", "\"op\"\nquery {\n  a\n}")]
    public void Print_Document_MatchesGraphQLJsLayout(string source, string expected)
    {
        Assert.Equal(expected, Printer.Print(Parser.Parse(source)));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" and \\ slash", "\"quote \\\" and \\\\ slash\"")]
    [InlineData("tab\tnew\nline\r\u0001\u007F\u009F\u00A0", "\"tab\\tnew\\nline\\r\\u0001\\u007F\\u009F\u00A0\"")]
    public void PrintString_EscapesLikeGraphQLJs(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintString(value));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData("first\nsecond", "\"\"\"\nfirst\nsecond\n\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("trailing slash\\", "\"\"\"\ntrailing slash\\\n\"\"\"")]
    [InlineData("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\"")]
    [InlineData("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\"")]
    [InlineData("\n  starts with newline", "\"\"\"\n\n  starts with newline\n\"\"\"")]
    public void PrintBlockString_LaysOutLikeGraphQLJs(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintBlockString(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("simple")]
    [InlineData("first\nsecond")]
    [InlineData("  leading space")]
    [InlineData("trailing quote\"")]
    [InlineData("trailing slash\\")]
    [InlineData("has \"\"\" triple \"\"\"")]
    [InlineData("first\n  indented\n\tand tabbed")]
    [InlineData("  first only indented\nsecond")]
    [InlineData("a very long single line that is certainly longer than seventy characters in total length")]
    // Values whose every line is indented cannot survive as block strings (dedenting removes the indent); the lexer
    // never produces them, and graphql-js prints them the same lossy way.
    public void PrintBlockString_ThenLex_GivesBackTheValue(string value)
    {
        var printed = Printer.PrintBlockString(value);

        var reparsed = Assert.IsType<StringValueNode>(Parser.ParseValue(printed));
        Assert.Equal(value, reparsed.Value);
    }

    [Theory]
    [InlineData(KitchenSink.Query)]
    [InlineData(KitchenSink.Schema)]
    [InlineData("{ a(x: \"\\u00e9\\n\\\"\") b: c @d(e: [{f: 1}]) }")]
    [InlineData("subscription S($a: [[In!]!] = [[{a: 1}]]) { s(a: $a) { ...F } }")]
    public void Print_ParsePrintParse_IsStable(string source)
    {
        var once = Printer.Print(Parser.Parse(source));
        var twice = Printer.Print(Parser.Parse(once));

        Assert.Equal(once, twice);
    }
}
