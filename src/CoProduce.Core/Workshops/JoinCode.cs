using System.Security.Cryptography;
using CoProduce.Core.Privacy;

namespace CoProduce.Core.Workshops;

/// <summary>
/// The short code people type to join a workshop: 8 symbols from an alphabet without 0/O, 1/I/L or
/// U (30^8 ≈ 6.6 × 10^11 codes), from <see cref="RandomNumberGenerator"/>, shown as <c>KX7M-Q3WD</c>.
/// Short enough to read off a projector; safe because look-ups are rate-limited, it works only while
/// the workshop has not ended, and only its keyed hash is stored.
/// </summary>
public sealed record JoinCode
{
    public const int Length = 8;
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private JoinCode(string canonical) => Canonical = canonical;

    public string Canonical { get; }

    public string Display => $"{Canonical[..4]}-{Canonical[4..]}";

    public override string ToString() => Display;

    public static JoinCode Generate()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new JoinCode(new string(symbols));
    }

    /// <summary>Reads what a person typed (any case, spaces and hyphens ignored); null when it cannot be a code.</summary>
    public static JoinCode? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        Span<char> symbols = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2013' or '\u00A0')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw);
            if (!Alphabet.Contains(c) || count == Length)
            {
                return null;
            }

            symbols[count++] = c;
        }

        return count == Length ? new JoinCode(new string(symbols)) : null;
    }

    public byte[] Hash(SecretHasher hasher) => hasher.Hash(SecretPurpose.WorkshopJoin, Canonical);
}
