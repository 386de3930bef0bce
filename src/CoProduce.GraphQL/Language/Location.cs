namespace CoProduce.GraphQL.Language;

/// <summary>
/// Where a node or token sits in its source. <see cref="Start"/> and <see cref="End"/> are byte offsets into the
/// UTF-8 source (the engine parses bytes, so these slice the source directly). <see cref="Line"/> and
/// <see cref="Column"/> are 1-based and count columns in UTF-16 code units, exactly as graphql-js reports them,
/// so error locations agree with the reference implementation.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    /// <summary>A location for nodes built in code rather than parsed.</summary>
    public static Location None => default;

    /// <summary>True for nodes that came from a source (line numbers start at 1).</summary>
    public bool IsKnown => Line > 0;

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A line and column pair, 1-based, as graphql-js's <c>SourceLocation</c>.</summary>
public readonly record struct SourceLocation(int Line, int Column);
