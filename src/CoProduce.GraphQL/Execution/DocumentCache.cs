using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CoProduce.GraphQL.Execution;

/// <summary>The SHA-256 of a document's UTF-8 text: the document cache key.</summary>
public readonly record struct DocumentHash(Guid Low, Guid High)
{
    public static DocumentHash Of(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8, hash);
        return new DocumentHash(new Guid(hash[..16]), new Guid(hash[16..]));
    }

    public static DocumentHash Of(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return Of(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

/// <summary>A bounded least-recently-used cache of prepared (parsed and validated) documents.</summary>
public sealed class DocumentCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DocumentHash, LinkedListNode<(DocumentHash Key, PreparedDocument Value)>> _map = [];
    private readonly LinkedList<(DocumentHash Key, PreparedDocument Value)> _order = new();
    private long _hits;
    private long _misses;

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(DocumentHash key, out PreparedDocument? document)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                if (node != _order.First)
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                }

                document = node.Value.Value;
                _hits++;
                return true;
            }

            _misses++;
        }

        document = null;
        return false;
    }

    public void Add(DocumentHash key, PreparedDocument document)
    {
        if (Capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_map.ContainsKey(key))
            {
                return;
            }

            _map[key] = _order.AddFirst((key, document));
            while (_map.Count > Capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
        }
    }
}
