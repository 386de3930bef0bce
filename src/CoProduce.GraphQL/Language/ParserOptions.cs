namespace CoProduce.GraphQL.Language;

/// <summary>Limits that keep hostile documents from exhausting memory, time or stack.</summary>
public sealed record ParserOptions
{
    public static ParserOptions Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-8 bytes. Default 1 MiB.</summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>Most tokens (punctuators, names, values; not comments) a document may have. Default 15,000.</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// Deepest nesting of selection sets, list and object values, and list types, counted together.
    /// Default 128 — the full introspection query needs about 15.
    /// </summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>
    /// Accept descriptions on operations, fragments and variable definitions (new in the September 2025 spec;
    /// graphql-js 16 rejects them). Default true.
    /// </summary>
    public bool AllowExecutableDescriptions { get; init; } = true;

    /// <summary>
    /// Accept directives on directive definitions (<c>directive @old @deprecated on FIELD</c>), as graphql-js 16.15
    /// does under its <c>experimentalDirectivesOnDirectiveDefinitions</c> option. Not in the September 2025 spec.
    /// Default false, as in graphql-js.
    /// </summary>
    public bool AllowDirectivesOnDirectiveDefinitions { get; init; }
}
