using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Tests.Language;

public sealed class SyntaxWalkerTests
{
    private sealed class Recorder : SyntaxWalker
    {
        public List<string> Events { get; } = [];

        protected override void Enter(SyntaxNode node) => Events.Add("enter " + node.Kind);

        protected override void Leave(SyntaxNode node) => Events.Add("leave " + node.Kind);
    }

    private sealed class FieldCounter : SyntaxWalker
    {
        public List<string> Fields { get; } = [];

        protected override void EnterField(FieldNode node) => Fields.Add(node.ResponseKey);

        // Skips the subtree of fragments: overriding Visit* replaces the whole visit.
        protected override void VisitInlineFragment(InlineFragmentNode node)
        {
        }
    }

    [Fact]
    public void Walk_Document_VisitsEveryNodeInSourceOrder()
    {
        var recorder = new Recorder();

        recorder.Visit(Parser.Parse("query Q($v: Int = 1) { a: f(x: [$v]) @d }"));

        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter Name", "leave Name",
                "enter VariableDefinition", "enter Variable", "enter Name", "leave Name", "leave Variable",
                "enter NamedType", "enter Name", "leave Name", "leave NamedType", "enter IntValue", "leave IntValue",
                "leave VariableDefinition", "enter SelectionSet", "enter Field", "enter Name", "leave Name",
                "enter Name", "leave Name", "enter Argument", "enter Name", "leave Name", "enter ListValue",
                "enter Variable", "enter Name", "leave Name", "leave Variable", "leave ListValue", "leave Argument",
                "enter Directive", "enter Name", "leave Name", "leave Directive", "leave Field", "leave SelectionSet",
                "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Walk_OverriddenVisit_SkipsSubtree()
    {
        var counter = new FieldCounter();

        counter.Visit(Parser.Parse("{ a b { c } ... on T { d } }"));

        Assert.Equal(["a", "b", "c"], counter.Fields);
    }

    [Fact]
    public void Walk_KitchenSinks_ReachesEveryKind()
    {
        var recorder = new Recorder();

        recorder.Visit(Parser.Parse(KitchenSink.Query));
        recorder.Visit(Parser.Parse(KitchenSink.Schema));

        // Not in graphql-js's kitchen sink: its 16.15 directive extension, parsed only when allowed.
        recorder.Visit(Parser.Parse("extend directive @d @deprecated", new ParserOptions { AllowDirectivesOnDirectiveDefinitions = true }));

        var seen = recorder.Events.Where(e => e.StartsWith("enter ", StringComparison.Ordinal)).Select(e => e[6..]).ToHashSet();
        Assert.Equal(Enum.GetNames<SyntaxKind>().Order(), seen.Order());
    }
}
