using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CoProduce.GraphQL.Execution;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Api;

/// <summary>A page of a Relay-style connection.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount);

/// <summary>An item of a page with its cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Where a page is in the whole list.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>
/// Cursor pagination over lists with a stable order. A cursor is an opaque token for a position in the
/// list (today the offset, base64url-encoded with a version prefix, so the format can change without
/// clients noticing). <c>first</c> is capped at <see cref="MaxPageSize"/>; a larger or negative value,
/// or a cursor this server did not make, is a <c>BAD_USER_INPUT</c> error in the request's language.
/// </summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    private const string Prefix = "v1:";

    /// <summary>Checks <paramref name="first"/> and <paramref name="after"/> and returns the offset and count to read.</summary>
    public static (int Offset, int Count) Window(int? first, string? after, Text text)
    {
        var count = first ?? 20;
        if (count < 0 || count > MaxPageSize)
        {
            throw new GraphQLException(text.Format("Api.Error.PageSize", MaxPageSize), ErrorCodes.BadUserInput);
        }

        var offset = after is null ? 0 : Decode(after) + 1;
        if (offset < 0)
        {
            throw new GraphQLException(text["Api.Error.Cursor"], ErrorCodes.BadUserInput);
        }

        return (offset, count);
    }

    /// <summary>The page of an in-memory list.</summary>
    public static Connection<T> Page<T>(IReadOnlyList<T> all, int? first, string? after, Text text)
    {
        var (offset, count) = Window(first, after, text);
        var page = all.Skip(offset).Take(count).ToArray();
        return Build(page, offset, all.Count);
    }

    /// <summary>A page read at <paramref name="offset"/> from a list of <paramref name="total"/> items.</summary>
    public static Connection<T> Build<T>(IReadOnlyList<T> page, int offset, int total)
    {
        var edges = new Edge<T>[page.Count];
        for (var i = 0; i < page.Count; i++)
        {
            edges[i] = new Edge<T>(Encode(offset + i), page[i]);
        }

        return new Connection<T>(
            edges,
            new PageInfo(offset + page.Count < total, offset > 0, edges.Length > 0 ? edges[0].Cursor : null, edges.Length > 0 ? edges[^1].Cursor : null),
            total);
    }

    public static string Encode(int position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position a cursor stands for, or -2 when it is not one of ours.</summary>
    public static int Decode(string cursor)
    {
        try
        {
            var decoded = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return decoded.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(decoded.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? position
                : -2;
        }
        catch (FormatException)
        {
            return -2;
        }
    }
}
