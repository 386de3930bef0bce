using System.Text.Json;
using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Tests.Types;

public sealed class BuiltInScalarTests
{
    public static TheoryData<ScalarType, object, object?> Serialized => new()
    {
        { BuiltIns.Int, 1, 1 },
        { BuiltIns.Int, 3L, 3 },
        { BuiltIns.Int, 1e5, 100000 },
        { BuiltIns.Int, true, 1 },
        { BuiltIns.Int, "-7", -7 },
        { BuiltIns.Float, 1, 1.0 },
        { BuiltIns.Float, 1.5f, 1.5 },
        { BuiltIns.Float, false, 0.0 },
        { BuiltIns.String, "s", "s" },
        { BuiltIns.String, 12, "12" },
        { BuiltIns.String, 1.5, "1.5" },
        { BuiltIns.String, true, "true" },
        { BuiltIns.Boolean, true, true },
        { BuiltIns.Boolean, 0, false },
        { BuiltIns.ID, "x", "x" },
        { BuiltIns.ID, 42, "42" },
        { BuiltIns.ID, 42L, "42" },
    };

    [Theory]
    [MemberData(nameof(Serialized))]
    public void Serialize_AcceptedValue_CoercesLikeGraphQLJs(ScalarType scalar, object value, object? expected)
    {
        var result = scalar.Serialize(value);

        Assert.False(result.IsError, result.Error);
        Assert.Equal(expected, result.Value);
    }

    public static TheoryData<ScalarType, object, string> SerializeFailures => new()
    {
        { BuiltIns.Int, 1.5, "Int cannot represent non-integer value: 1.5" },
        { BuiltIns.Int, 2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648" },
        { BuiltIns.Int, "abc", "Int cannot represent non-integer value: \"abc\"" },
        { BuiltIns.Float, double.NaN, "Float cannot represent non numeric value: NaN" },
        { BuiltIns.Float, "x", "Float cannot represent non numeric value: \"x\"" },
        { BuiltIns.String, new object[] { 1 }, "String cannot represent value: [1]" },
        { BuiltIns.Boolean, "true", "Boolean cannot represent a non boolean value: \"true\"" },
        { BuiltIns.ID, 1.5, "ID cannot represent value: 1.5" },
    };

    [Theory]
    [MemberData(nameof(SerializeFailures))]
    public void Serialize_RejectedValue_ReportsGraphQLJsMessage(ScalarType scalar, object value, string message)
    {
        Assert.Equal(message, scalar.Serialize(value).Error);
    }

    [Fact]
    public void ParseValue_VariableValues_CoerceStrictly()
    {
        using var json = JsonDocument.Parse("""{"n": 5, "s": "x", "b": true}""");

        Assert.Equal(5, BuiltIns.Int.ParseValue(json.RootElement.GetProperty("n")).Value);
        Assert.Equal("x", BuiltIns.String.ParseValue(json.RootElement.GetProperty("s")).Value);
        Assert.Equal(true, BuiltIns.Boolean.ParseValue(json.RootElement.GetProperty("b")).Value);
        Assert.Equal("5", BuiltIns.ID.ParseValue(5).Value);
        Assert.Equal("Int cannot represent non-integer value: \"5\"", BuiltIns.Int.ParseValue("5").Error);
        Assert.Equal("String cannot represent a non string value: 5", BuiltIns.String.ParseValue(5).Error);
        Assert.Equal("Boolean cannot represent a non boolean value: 1", BuiltIns.Boolean.ParseValue(1).Error);
        Assert.Equal("ID cannot represent value: true", BuiltIns.ID.ParseValue(true).Error);
    }

    [Theory]
    [InlineData("Int", "123", 123)]
    [InlineData("Float", "123", 123.0)]
    [InlineData("Float", "1.5e2", 150.0)]
    [InlineData("String", "\"s\"", "s")]
    [InlineData("Boolean", "false", false)]
    [InlineData("ID", "\"x\"", "x")]
    [InlineData("ID", "77", "77")]
    public void ParseLiteral_AcceptedLiteral_Coerces(string scalar, string literal, object expected)
    {
        var result = BuiltIns.GetScalar(scalar)!.ParseLiteral(Parser.ParseValue(literal));

        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("Int", "1.5", "Int cannot represent non-integer value: 1.5")]
    [InlineData("Int", "2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("Float", "\"1\"", "Float cannot represent non numeric value: \"1\"")]
    [InlineData("String", "1", "String cannot represent a non string value: 1")]
    [InlineData("Boolean", "TRUE", "Boolean cannot represent a non boolean value: TRUE")]
    [InlineData("ID", "1.0", "ID cannot represent a non-string and non-integer value: 1.0")]
    public void ParseLiteral_RejectedLiteral_ReportsGraphQLJsMessage(string scalar, string literal, string message)
    {
        Assert.Equal(message, BuiltIns.GetScalar(scalar)!.ParseLiteral(Parser.ParseValue(literal)).Error);
    }

    [Fact]
    public void EnumType_Coercion_UsesNamesAndValues()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Color } enum Color { RED GREEN }");
        var color = schema.GetType<EnumType>("Color")!;

        Assert.Equal("RED", color.Serialize("RED").Value);
        Assert.Equal("GREEN", color.ParseLiteral(Parser.ParseValue("GREEN")).Value);
        Assert.Equal("Value \"BLUE\" does not exist in \"Color\" enum.", color.ParseValue("BLUE").Error);
        Assert.Equal("Enum \"Color\" cannot represent non-enum value: \"RED\".", color.ParseLiteral(Parser.ParseValue("\"RED\"")).Error);
        Assert.Equal("Enum \"Color\" cannot represent value: \"BLUE\"", color.Serialize("BLUE").Error);
    }
}
