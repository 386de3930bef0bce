namespace CoProduce.Core.Common;

/// <summary>
/// Something a person (or an authored file) got wrong, as a value. <see cref="Code"/> is stable and is
/// also the localisation key in <c>locales/Strings*.resx</c>; <see cref="Args"/> fill its
/// <c>{0}</c>, <c>{1}</c> placeholders; <see cref="Path"/> names the field (a question id, a JSON path).
/// </summary>
public sealed record Error(string Code, string? Path = null, IReadOnlyList<object>? Args = null)
{
    /// <summary>Line and column in a source file (1-based), when the error comes from one.</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>The formatting arguments; never null.</summary>
    public IReadOnlyList<object> Arguments => Args ?? [];

    public Error At(string path) => this with { Path = path };

    public override string ToString()
    {
        var where = Path is null ? "" : $" at {Path}";
        var position = Position is { } p ? $" (line {p.Line}, column {p.Column})" : "";
        var args = Arguments.Count == 0 ? "" : $" [{string.Join(", ", Arguments)}]";
        return $"{Code}{where}{position}{args}";
    }
}

/// <summary>A 1-based line and column in a text file.</summary>
public readonly record struct SourcePosition(int Line, int Column);
