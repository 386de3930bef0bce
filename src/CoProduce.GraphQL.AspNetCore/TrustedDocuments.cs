using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>Trusted (persisted) documents, looked up by id: <c>sha256:&lt;hex&gt;</c> or a bare SHA-256 hex digest.</summary>
public interface ITrustedDocumentStore
{
    /// <summary>The document text for an id, or null when the id is unknown.</summary>
    ValueTask<string?> GetAsync(string documentId, CancellationToken cancellationToken);
}

/// <summary>A fixed set of trusted documents held in memory, each stored under its SHA-256 hash.</summary>
public sealed class InMemoryTrustedDocumentStore : ITrustedDocumentStore
{
    private readonly FrozenDictionary<string, string> _documents;

    /// <summary>Trusts each document under its SHA-256 hash (computed here, so an id can never name other text).</summary>
    public InMemoryTrustedDocumentStore(IEnumerable<string> documents)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            map[Hash(document)] = document;
        }

        _documents = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _documents.Count;

    public ValueTask<string?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        new(NormaliseId(documentId) is { } key && _documents.TryGetValue(key, out var text) ? text : null);

    /// <summary>The lower-case hex SHA-256 of a document's UTF-8 text (the id clients send, with or without <c>sha256:</c>).</summary>
    public static string Hash(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>The bare lower-case digest of an id, or null when it is not a SHA-256 id.</summary>
    internal static string? NormaliseId(string documentId)
    {
        var digest = documentId.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? documentId[7..] : documentId;
        if (digest.Length != 64)
        {
            return null;
        }

        foreach (var c in digest)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return digest.ToLowerInvariant();
    }
}
