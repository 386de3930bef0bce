using System.Numerics;
using System.Runtime.InteropServices;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// A 128-bit hash of a document's text: the document cache key. Computed over the UTF-16 text itself so a cache
/// hit needs no encoding, with a per-process random seed so keys cannot be precomputed. Not cryptographic: the
/// cache confirms every hit by comparing the text, so a collision costs a miss, never a wrong document.
/// </summary>
public readonly record struct DocumentHash(ulong Low, ulong High)
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private static readonly ulong s_seed = (ulong)Random.Shared.NextInt64() | 1UL;

    public static DocumentHash Of(string text) => Of(MemoryMarshal.AsBytes(text.AsSpan()));

    public static DocumentHash Of(ReadOnlySpan<byte> data)
    {
        var h1 = s_seed ^ Prime1;
        var h2 = s_seed ^ Prime2;
        var blocks = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var block in blocks)
        {
            h1 = BitOperations.RotateLeft(h1 ^ (block * Prime1), 31) * Prime2;
            h2 = (BitOperations.RotateLeft(h2, 27) + block) * Prime1 + 0x52DCE729UL;
        }

        ulong tail = 0;
        var rest = data[(blocks.Length * 8)..];
        for (var i = 0; i < rest.Length; i++)
        {
            tail |= (ulong)rest[i] << (8 * i);
        }

        h1 ^= BitOperations.RotateLeft(tail * Prime2, 33) ^ (ulong)data.Length;
        h2 ^= tail * Prime1;
        h1 += h2;
        h2 += h1;
        return new DocumentHash(Mix(h1), Mix(h2));
    }

    /// <summary>MurmurHash3's 64-bit finaliser: every input bit affects every output bit.</summary>
    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
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

    /// <summary>The document cached for <paramref name="key"/>, when its text is <paramref name="text"/>.</summary>
    public bool TryGet(DocumentHash key, string text, out PreparedDocument? document)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node) && string.Equals(node.Value.Value.Text, text, StringComparison.Ordinal))
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
            if (_map.Remove(key, out var existing))
            {
                _order.Remove(existing); // a colliding text: the newer document takes the slot
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
