using System.Runtime.CompilerServices;

namespace CoProduce.GraphQL.Language;

/// <summary>
/// A lock-free cache of name strings keyed by their UTF-8 bytes, so the same field and type names parsed over and
/// over share one string instead of allocating per parse. Slots are overwritten on collision; a race only costs
/// a fresh allocation, never a wrong answer, because a hit is confirmed byte by byte.
/// </summary>
internal static class NameTable
{
    private const int Size = 4096;
    private const int MaxCachedLength = 64;
    private static readonly string?[] s_slots = new string?[Size];

    /// <summary>Names are ASCII by the grammar, so each byte is one char.</summary>
    public static string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxCachedLength)
        {
            return Create(ascii);
        }

        uint hash = 2166136261;
        foreach (var b in ascii)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref var slot = ref s_slots[hash & (Size - 1)];
        var candidate = Volatile.Read(ref slot);
        if (candidate is not null && Matches(candidate, ascii))
        {
            return candidate;
        }

        var created = Create(ascii);
        Volatile.Write(ref slot, created);
        return created;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Matches(string candidate, ReadOnlySpan<byte> ascii)
    {
        if (candidate.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (candidate[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Create(ReadOnlySpan<byte> ascii) => System.Text.Encoding.ASCII.GetString(ascii);
}
