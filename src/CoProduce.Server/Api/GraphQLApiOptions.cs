namespace CoProduce.Server.Api;

/// <summary>Settings under <c>GraphQL</c> (see docs/api.md).</summary>
public sealed class GraphQLApiOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>How long the public list of open consultations is kept in memory, in seconds (0: read every time).</summary>
    public int PublicListCacheSeconds { get; set; } = 1;

    /// <summary>
    /// Highest estimated cost of an operation (see docs/graphql-execution.md). Twenty open consultations with
    /// their whole questionnaires cost about 30,000.
    /// </summary>
    public double MaxCost { get; set; } = 50_000;
}
