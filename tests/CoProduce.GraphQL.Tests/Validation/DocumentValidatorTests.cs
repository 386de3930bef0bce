using CoProduce.GraphQL.Language;
using CoProduce.GraphQL.Types;
using CoProduce.GraphQL.Validation;

namespace CoProduce.GraphQL.Tests.Validation;

/// <summary>The validator's API and options; the rules themselves are covered by the conformance corpus and RuleTests.</summary>
public sealed class DocumentValidatorTests
{
    [Fact]
    public void Validate_MoreErrorsThanTheCap_ReturnsCapThenTooManyErrors()
    {
        var errors = ValidationTestSchema.Validate("{ dog { a b c d e } }", new ValidationOptions { MaxErrors = 3 });

        Assert.Equal(4, errors.Count);
        Assert.Equal("Cannot query field \"a\" on type \"Dog\".", errors[0].Message);
        Assert.Equal("Cannot query field \"c\" on type \"Dog\".", errors[2].Message);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[3].Message);
        Assert.Empty(errors[3].Locations);
    }

    [Fact]
    public void Validate_ExactlyCapErrors_NoTooManyErrors()
    {
        var errors = ValidationTestSchema.Validate("{ dog { a b c } }", new ValidationOptions { MaxErrors = 3 });

        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message == DocumentValidator.TooManyErrorsMessage);
    }

    [Fact]
    public void Validate_DefaultCap_IsOneHundred()
    {
        var fields = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"f{i}"));

        var errors = ValidationTestSchema.Validate($"{{ dog {{ {fields} }} }}");

        Assert.Equal(101, errors.Count);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[100].Message);
    }

    [Fact]
    public void Validate_CapCountsErrorsFoundAfterTheWalk()
    {
        var errors = ValidationTestSchema.Validate(
            "query Q($a: Int, $b: Int, $c: Int) { dog { name } }", new ValidationOptions { MaxErrors = 2 });

        Assert.Equal(
            ["Variable \"$a\" is never used in operation \"Q\".", "Variable \"$b\" is never used in operation \"Q\".", DocumentValidator.TooManyErrorsMessage],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_HideSuggestions_LeavesOutDidYouMean()
    {
        var shown = ValidationTestSchema.Validate("{ dog { nickame } }");
        var hidden = ValidationTestSchema.Validate("{ dog { nickame } }", new ValidationOptions { HideSuggestions = true });

        Assert.Equal("Cannot query field \"nickame\" on type \"Dog\". Did you mean \"nickname\" or \"name\"?", Assert.Single(shown).Message);
        Assert.Equal("Cannot query field \"nickame\" on type \"Dog\".", Assert.Single(hidden).Message);
    }

    [Fact]
    public void Validate_MutationWithoutMutationType_ReportsOperationTypeExistence()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }");
        var document = Parser.Parse("mutation M { a }\nsubscription { a }\nquery { a }");

        var errors = DocumentValidator.Validate(schema, document);

        Assert.Equal(
            [
                "The mutation operation is not supported by the schema. @ 1:1",
                "The subscription operation is not supported by the schema. @ 2:1",
                "This anonymous operation must be the only defined operation. @ 2:1",
                "This anonymous operation must be the only defined operation. @ 3:1",
            ],
            errors.Select(e => $"{e.Message} @ {string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))}"));
    }

    [Fact]
    public void Validate_OperationTypeExistenceOff_MatchesGraphQLJs16()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }");

        var errors = DocumentValidator.Validate(
            schema, Parser.Parse("mutation M { a }"), new ValidationOptions { CheckOperationTypeExistence = false });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_SameDocumentTwice_SameErrors()
    {
        var document = Parser.Parse("query Q($v: Int) { dog { ...F x: name x: nickname } }\nfragment F on Dog { barks(a: 1) }");

        var first = DocumentValidator.Validate(ValidationTestSchema.Schema, document);
        var second = DocumentValidator.Validate(ValidationTestSchema.Schema, document);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(e => e.ToString()), second.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_DeeplyNestedValidDocument_NoErrors()
    {
        var depth = 60;
        var query = "{ dog " + string.Concat(Enumerable.Repeat("{ mother ", depth)) + "{ name }" + new string('}', depth) + " }";

        Assert.Empty(ValidationTestSchema.Validate(query));
    }
}
