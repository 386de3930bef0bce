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
