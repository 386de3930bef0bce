using System.Diagnostics;
using System.Text;
using CoProduce.GraphQL.Language;
using FsCheck;
using FsCheck.Fluent;

namespace CoProduce.GraphQL.Tests.Language;

/// <summary>
/// Hostile and broken input: whatever the bytes, the parser answers with a tree or a <see cref="GraphQLSyntaxError"/>,
/// quickly; and any tree it answers with prints and re-parses to the same text.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] s_vocabulary =
    [
        "{", "}", "(", ")", "[", "]", "!", "$", "&", "|", ":", "=", "@", "...", "..", ".", ",", " ", "\n", "\r\n", "\t",
        "query", "mutation", "subscription", "fragment", "on", "type", "interface", "union", "enum", "input", "scalar",
        "schema", "extend", "directive", "repeatable", "implements", "true", "false", "null", "FIELD", "a", "_b", "c1",
        "0", "-1", "1.5", "2e10", "01", "1.", "\"s\"", "\"\\u{1F600}\"", "\"\\uD83D\\uDE00\"", "\"\\uD83D\"", "\"\"\"block\n  x\"\"\"",
        "\"", "\"\"\"", "# comment\n", "\uFEFF", "é", "😀", "\\", "\u0000",
    ];

    [Fact]
    public void Parse_RandomBytes_OnlyEverThrowsSyntaxErrors()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            AssertParsesOrFailsCleanly(bytes);
        }
    }

    [Fact]
    public void Parse_RandomTokenSoup_OnlyEverThrowsSyntaxErrors()
    {
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 40);
            for (var j = 0; j < count; j++)
            {
                builder.Append(s_vocabulary[random.Next(s_vocabulary.Length)]).Append(random.Next(3) == 0 ? " " : string.Empty);
            }

            AssertParsesOrFailsCleanly(Encoding.UTF8.GetBytes(builder.ToString()));
        }
    }

    [Fact]
    public void Parse_MutatedKitchenSinks_OnlyEverThrowsSyntaxErrors()
    {
        var random = new Random(7);
        byte[][] seeds = [Encoding.UTF8.GetBytes(KitchenSink.Query), Encoding.UTF8.GetBytes(KitchenSink.Schema)];
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new List<byte>(seeds[i % 2]);
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && bytes.Count > 0; m++)
            {
                var at = random.Next(bytes.Count);
                var length = Math.Min(random.Next(1, 12), bytes.Count - at);
                switch (random.Next(4))
                {
                    case 0:
                        bytes.RemoveRange(at, length);
                        break;
                    case 1:
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                        break;
                    case 2:
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(s_vocabulary[random.Next(s_vocabulary.Length)]));
                        break;
                    default:
                        bytes[at] = (byte)random.Next(256);
                        break;
                }
            }

            AssertParsesOrFailsCleanly([.. bytes]);
        }
    }

    [Fact]
    public void Parse_ArbitraryStrings_OnlyEverThrowsSyntaxErrors()
    {
        Prop.ForAll<string>(text =>
        {
            AssertParsesOrFailsCleanly(Encoding.UTF8.GetBytes(text ?? string.Empty));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertParsesOrFailsCleanly(byte[] source)
    {
        var stopwatch = Stopwatch.StartNew();
        DocumentNode? document = null;
        try
        {
            document = Parser.Parse(source);
        }
        catch (GraphQLSyntaxError error)
        {
            Assert.True(error.Line >= 1 && error.Column >= 1, $"Bad error location for {Show(source)}");
        }
        catch (Exception exception)
        {
            Assert.Fail($"{exception.GetType().Name} for {Show(source)}: {exception}");
        }

        Assert.True(stopwatch.ElapsedMilliseconds < 2000, $"Parsing took {stopwatch.ElapsedMilliseconds} ms for {Show(source)}");
        if (document is not null)
        {
            var printed = Printer.Print(document);
            Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
        }
    }

    private static string Show(byte[] source) => Convert.ToHexString(source);
}
