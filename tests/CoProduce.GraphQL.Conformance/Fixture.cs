using System.Text.Json;

namespace CoProduce.GraphQL.Conformance;

/// <summary>
/// The fixture data of tests/conformance/data.json as plain .NET values (string-keyed dictionaries in file order,
/// lists, strings, <see cref="long"/> or <see cref="double"/> numbers, booleans, null) — the same shape graphql-js
/// sees after <c>JSON.parse</c>, so the default resolvers read the same properties on both sides.
/// </summary>
public sealed class Fixture
{
    public Fixture(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = (Dictionary<string, object?>)JsonValues.FromElement(document.RootElement)!;
        People = AsRecords(root["people"]);
        Works = AsRecords(root["works"]);
        Reviews = AsRecords(root["reviews"]);
        PeopleById = People.ToDictionary(p => (string)p["id"]!, StringComparer.Ordinal);
        WorksById = Works.ToDictionary(w => (string)w["id"]!, StringComparer.Ordinal);
        ReviewsById = Reviews.ToDictionary(r => (string)r["id"]!, StringComparer.Ordinal);
    }

    public IReadOnlyList<Dictionary<string, object?>> People { get; }

    public IReadOnlyList<Dictionary<string, object?>> Works { get; }

    public IReadOnlyList<Dictionary<string, object?>> Reviews { get; }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> PeopleById { get; }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> WorksById { get; }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> ReviewsById { get; }

    public static Fixture Load(string path) => new(File.ReadAllText(path));

    private static List<Dictionary<string, object?>> AsRecords(object? list) =>
        [.. ((List<object?>)list!).Cast<Dictionary<string, object?>>()];
}
