namespace CoProduce.GraphQL.Conformance;

/// <summary>One conformance case: a document, its variables and the operation to run.</summary>
public sealed record Case(string Name, string Source, Dictionary<string, object?>? Variables, string? OperationName);

/// <summary>
/// What the comparison looks at, in the shape of tests/conformance/lib/reference.js: the syntax error location,
/// one entry per validation error (its locations "line:col" joined by ";", sorted), and for executed documents
/// whether there is data, the data as JSON text, and one path per error (sorted).
/// </summary>
public sealed class Outcome
{
    public string? Syntax { get; set; }

    public List<string>? Validation { get; set; }

    public bool Executed { get; set; }

    public bool HasData { get; set; }

    public string? Data { get; set; }

    public List<string>? ErrorPaths { get; set; }

    public List<string> Messages { get; set; } = [];

    public string? HostError { get; set; }

    public static string Locations(GraphQLError error) =>
        string.Join(';', error.Locations.Select(l => $"{l.Line}:{l.Column}"));

    public static string PathOf(GraphQLError error) => error.Path is null ? "-" : JsonValues.Stringify(error.Path);

    public string ToJson(string name)
    {
        var map = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["syntax"] = Syntax,
            ["validation"] = Validation,
            ["executed"] = Executed,
            ["messages"] = Messages,
        };
        if (Executed)
        {
            map["hasData"] = HasData;
            map["data"] = Data;
            map["errorPaths"] = ErrorPaths;
        }

        if (HostError is not null)
        {
            map["hostError"] = HostError;
        }

        return JsonValues.Stringify(map);
    }
}
