using System.Collections;
using System.Globalization;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Conformance;

/// <summary>A fresh root value for each request: mutations change it, never the shared fixture.</summary>
public sealed class RootValue
{
    public long Counter { get; set; }

    public int Added { get; set; }
}

/// <summary>
/// The conformance schema (tests/conformance/schema.graphql) bound to the same resolvers as
/// tests/conformance/lib/resolvers.js — read that file for the rules both sides follow; keep the two in step.
/// </summary>
public static class ConformanceSchema
{
    private static readonly string[] AbstractTypes = ["Node", "Named", "Work", "Printed", "SearchResult", "Media"];

    /// <summary>
    /// Builds the schema. With <paramref name="asyncResolvers"/>, every resolver yields before answering (and throws
    /// after yielding), so execution takes its asynchronous path — concurrent fields for queries, serial for
    /// mutations — and must still give the same response.
    /// </summary>
    public static Schema Build(string sdl, Fixture data, bool asyncResolvers = false)
    {
        var builder = new SchemaBuilder().AddSdl(sdl);
        var resolvers = new Resolvers(data);

        foreach (var name in AbstractTypes)
        {
            builder.BindTypeResolver(name, static (value, context) => context.Schema.GetType<ObjectType>(TypeOf(value)));
        }

        Bind("Query", "node", c => resolvers.Lookup(Str(c, "id")));
        Bind("Query", "nodes", c => List(c.Arguments["ids"]).Select(id => resolvers.Lookup((string)id!)).ToList());
        Bind("Query", "work", c => resolvers.Work(Map(c.Arguments["by"])!));
        Bind("Query", "works", resolvers.Works);
        Bind("Query", "books", _ => data.Works.Where(w => Equals(w["__typename"], "Book")).ToList());
        Bind("Query", "poems", _ => data.Works.Where(w => Equals(w["__typename"], "Poem")).Append(null).ToList());
        Bind("Query", "media", _ => data.Works);
        Bind("Query", "person", c => data.PeopleById.GetValueOrDefault(Str(c, "id")!));
        Bind("Query", "people", c =>
        {
            var role = Str(c, "role");
            return Limit(data.People.Where(p => role is null || Equals(p["role"], role)), Long(c, "first"), 0);
        });
        Bind("Query", "search", c =>
        {
            var text = Str(c, "text")!;
            var all = data.Works.Concat(data.People).Concat(data.Reviews);
            var found = all.Where(n => Contains((string?)(n.GetValueOrDefault("title") ?? n.GetValueOrDefault("name") ?? n.GetValueOrDefault("body")), text));
            return Limit(found, Long(c, "limit"), 0);
        });
        Bind("Query", "reviews", c =>
        {
            var range = Map(Arg(c, "rating"));
            return data.Reviews.Where(r => range is null
                || ((long)r["rating"]! >= (ToLong(range.GetValueOrDefault("from")) ?? 0) && (long)r["rating"]! <= ToLong(range["to"]))).ToList();
        });
        Bind("Query", "stats", _ => new Dictionary<string, object?>
        {
            ["works"] = data.Works.Count,
            ["people"] = data.People.Count,
            ["reviews"] = data.Reviews.Count,
            ["averageRating"] = data.Reviews.Sum(r => (double)(long)r["rating"]!) / data.Reviews.Count,
        });
        Bind("Query", "echo", c => JsonValues.Stringify(c.Arguments, sortKeys: true));
        Bind("Query", "failing", _ => throw new InvalidOperationException("failing resolver"));
        Bind("Query", "failingNonNull", _ => throw new InvalidOperationException("failing non-null resolver"));
        Bind("Query", "matrix", _ => new List<object?> { new List<object?> { 1, 2 }, new List<object?> { null, 3 }, null, new List<object?>() });
        Bind("Query", "strictMatrix", _ => new List<object?> { new List<object?> { 1, 2 }, new List<object?> { 3, null } });
        Bind("Query", "items", c => Items(Math.Clamp(Long(c, "count") ?? 0, 0, 10_000)));
        Bind("Query", "oldField", _ => "old");
        Bind("Query", "newField", _ => "new");
        Bind("Query", "now", _ => "2026-01-01T00:00:00Z");
        Bind("Query", "homepage", _ => "https://example.org/");

        Bind("Mutation", "addReview", c =>
        {
            var root = (RootValue)c.Source!;
            var input = Map(c.Arguments["input"])!;
            var workId = (string)input["workId"]!;
            if (!data.WorksById.ContainsKey(workId))
            {
                throw new InvalidOperationException($"no work {workId}");
            }

            root.Added++;
            return new Dictionary<string, object?>
            {
                ["id"] = $"r-new-{root.Added}",
                ["rating"] = input["rating"],
                ["body"] = input.GetValueOrDefault("body"),
                ["authorId"] = "p1",
                ["workId"] = workId,
                ["createdAt"] = input.GetValueOrDefault("when") ?? "2026-11-21T00:00:00Z",
                ["priority"] = input.GetValueOrDefault("priority") ?? "LOW",
                ["moderatorId"] = "p2",
            };
        });
        Bind("Mutation", "increment", c =>
        {
            var root = (RootValue)c.Source!;
            root.Counter += Long(c, "by") ?? 0;
            return root.Counter;
        });
        Bind("Mutation", "setPriority", c => data.PeopleById.ContainsKey(Str(c, "id")!) ? c.Arguments["priority"] : null);
        Bind("Mutation", "failMutation", _ => throw new InvalidOperationException("failing mutation"));
        Bind("Mutation", "failMutationNonNull", _ => throw new InvalidOperationException("failing non-null mutation"));

        foreach (var type in new[] { "Book", "Poem" })
        {
            Bind(type, "author", c => data.PeopleById.GetValueOrDefault(Field(c, "authorId") ?? string.Empty));
            Bind(type, "reviews", c =>
            {
                var id = Field(c, "id");
                var minRating = Long(c, "minRating");
                return data.Reviews.Where(r => Equals(r["workId"], id) && (minRating is null || (long)r["rating"]! >= minRating)).ToList();
            });
            Bind(type, "broken", c => throw new InvalidOperationException($"broken field on {Field(c, "id")}"));
        }

        // Subscriptions: each event is the field's value (the executor gives root fields without a resolver the event).
        builder.BindSubscription("counter", _ => ValueTask.FromResult(Events(asyncResolvers, [1, 2, 3])));
        builder.BindSubscription("reviewAdded", c =>
        {
            var workId = Str(c, "workId");
            return ValueTask.FromResult(Events(asyncResolvers, data.Reviews.Where(r => workId is null || Equals(r["workId"], workId))));
        });

        Bind("Book", "brokenNonNull", _ => null);
        Bind("Book", "price", c =>
        {
            var price = Source(c).GetValueOrDefault("price");
            if (price is null)
            {
                return null;
            }

            double? rate = Str(c, "currency") switch { "GBP" => 1, "EUR" => 1.5, "USD" => 2, _ => null };
            if (rate is null)
            {
                return null;
            }

            var value = Convert.ToDouble(price, CultureInfo.InvariantCulture) * rate.Value;
            return Arg(c, "round") is true ? Math.Floor(value) : value;
        });
        Bind("Book", "cover", c => $"https://img.example/{Field(c, "id")}/{(Long(c, "size") is { } size ? size.ToString(CultureInfo.InvariantCulture) : "original")}.png");

        Bind("Person", "works", c =>
        {
            var id = Field(c, "id");
            var genre = Str(c, "genre");
            return Limit(data.Works.Where(w => Equals(w["authorId"], id) && (genre is null || Equals(w["genre"], genre))), Long(c, "first"), 0);
        });
        Bind("Person", "friends", c => Source(c)["friendIds"] is List<object?> friendIds
            ? friendIds.Select(id => (object?)data.PeopleById.GetValueOrDefault((string)id!)).ToList()
            : null);
        Bind("Person", "bestFriend", c => data.PeopleById.GetValueOrDefault(Field(c, "bestFriendId") ?? string.Empty));
        Bind("Person", "secret", c => throw new InvalidOperationException($"secret of {Field(c, "id")}"));

        Bind("Review", "author", c => data.PeopleById.GetValueOrDefault(Field(c, "authorId") ?? string.Empty));
        Bind("Review", "work", c => data.WorksById.GetValueOrDefault(Field(c, "workId") ?? string.Empty));
        Bind("Review", "moderator", c => data.PeopleById.GetValueOrDefault(Field(c, "moderatorId") ?? string.Empty));

        return builder.Build();

        void Bind(string type, string field, Func<IResolveFieldContext, object?> resolve)
        {
            if (asyncResolvers)
            {
                builder.Bind(type, field, async context =>
                {
                    await Task.Yield();
                    return resolve(context);
                });
            }
            else
            {
                builder.Bind(type, field, context => ValueTask.FromResult(resolve(context)));
            }
        }
    }

    private static async IAsyncEnumerable<object?> Events<T>(bool yieldFirst, IEnumerable<T> events)
    {
        foreach (var item in events)
        {
            if (yieldFirst)
            {
                await Task.Yield();
            }

            yield return item;
        }
    }

    /// <summary>Works carry their type name; people are the objects with a role; everything else is a review.</summary>
    public static string TypeOf(object value)
    {
        var map = (IDictionary<string, object?>)value;
        return map.TryGetValue("__typename", out var name) && name is string s ? s : map.ContainsKey("role") ? "Person" : "Review";
    }

    public static List<Dictionary<string, object?>> Items(long count)
    {
        var list = new List<Dictionary<string, object?>>((int)count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new Dictionary<string, object?>(5)
            {
                ["id"] = $"item-{i}",
                ["name"] = $"Item {i}",
                ["price"] = (i * 0.5) + 0.25,
                ["inStock"] = i % 3 != 0,
                ["rank"] = count - i,
            });
        }

        return list;
    }

    private static Dictionary<string, object?> Source(IResolveFieldContext context) => (Dictionary<string, object?>)context.Source!;

    private static string? Field(IResolveFieldContext context, string name) => Source(context).GetValueOrDefault(name) as string;

    private static object? Arg(IResolveFieldContext context, string name) => context.Arguments.GetValueOrDefault(name);

    private static string? Str(IResolveFieldContext context, string name) => Arg(context, name) is { } value
        ? Convert.ToString(value, CultureInfo.InvariantCulture)
        : null;

    private static long? Long(IResolveFieldContext context, string name) => ToLong(Arg(context, name));

    private static long? ToLong(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>An input object value, whatever dictionary type execution coerced it to.</summary>
    private static IReadOnlyDictionary<string, object?>? Map(object? value) => value switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary<string, object?> map => map.AsReadOnly(),
        _ => throw new InvalidOperationException($"not an input object: {value.GetType()}"),
    };

    private static IEnumerable<object?> List(object? value) => value is IEnumerable list and not string
        ? list.Cast<object?>()
        : [value];

    private static List<T> Limit<T>(IEnumerable<T> list, long? first, long? offset)
    {
        var rest = list.Skip((int)Math.Max(0, offset ?? 0));
        return (first is null ? rest : rest.Take((int)Math.Max(0, Math.Min(first.Value, int.MaxValue)))).ToList();
    }

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private sealed class Resolvers(Fixture data)
    {
        public object? Lookup(string? id) => id is null
            ? null
            : (object?)data.PeopleById.GetValueOrDefault(id) ?? (object?)data.WorksById.GetValueOrDefault(id) ?? data.ReviewsById.GetValueOrDefault(id);

        public object? Work(IReadOnlyDictionary<string, object?> by)
        {
            if (by.GetValueOrDefault("id") is { } id)
            {
                return data.WorksById.GetValueOrDefault(Convert.ToString(id, CultureInfo.InvariantCulture)!);
            }

            if (by.GetValueOrDefault("isbn") is string isbn)
            {
                return data.Works.FirstOrDefault(w => Equals(w.GetValueOrDefault("isbn"), isbn));
            }

            var title = by.GetValueOrDefault("title") as string;
            return data.Works.FirstOrDefault(w => Equals(w["title"], title));
        }

        public object? Works(IResolveFieldContext context)
        {
            var filter = Map(Arg(context, "filter"));
            IEnumerable<Dictionary<string, object?>> list = data.Works.Where(w => Matches(w, filter));
            list = Str(context, "order") switch
            {
                "TITLE_ASC" => list.OrderBy(w => (string)w["title"]!, StringComparer.Ordinal),
                "TITLE_DESC" => list.OrderByDescending(w => (string)w["title"]!, StringComparer.Ordinal),
                "YEAR_ASC" => list.OrderBy(w => ToLong(w["year"]) ?? 0).ThenBy(w => (string)w["id"]!, StringComparer.Ordinal),
                _ => list,
            };
            return Limit(list, Long(context, "first"), Long(context, "offset"));
        }

        private static bool Matches(Dictionary<string, object?> work, IReadOnlyDictionary<string, object?>? filter)
        {
            if (filter is null)
            {
                return true;
            }

            if (filter.GetValueOrDefault("genre") is { } genre && !Equals(work["genre"], Convert.ToString(genre, CultureInfo.InvariantCulture)))
            {
                return false;
            }

            if (filter.GetValueOrDefault("titleContains") is string text && !Contains((string?)work["title"], text))
            {
                return false;
            }

            if (ToLong(filter.GetValueOrDefault("minYear")) is { } minYear && (ToLong(work["year"]) ?? 0) < minYear)
            {
                return false;
            }

            var tags = (List<object?>)work["tags"]!;
            if (filter.GetValueOrDefault("tags") is { } wanted && !List(wanted).All(t => tags.Contains(t)))
            {
                return false;
            }

            return filter.GetValueOrDefault("and") is not { } and || List(and).All(f => Matches(work, Map(f)));
        }
    }
}
