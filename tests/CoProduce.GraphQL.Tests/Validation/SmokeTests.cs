namespace CoProduce.GraphQL.Tests.Validation;

public sealed class SmokeTests
{
    [Fact]
    public void Validate_SimpleQuery_NoErrors() => ValidationTestSchema.ExpectValid("{ dog { name nickname } }");

    [Fact]
    public void Validate_UnknownField_Error() =>
        ValidationTestSchema.ExpectError("{ dog { meows } }", "Cannot query field \"meows\" on type \"Dog\".", (1, 9));
}
