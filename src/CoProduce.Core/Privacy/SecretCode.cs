using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoProduce.Core.Privacy;

/// <summary>
/// A secret handed to a person (resume code, receipt code): 20 Crockford base32 symbols = 100 bits
/// from <see cref="RandomNumberGenerator"/>, shown in groups of four (<c>K7QM-3WXD-…</c>). The
/// alphabet has no I, L, O or U, so nothing is ambiguous when written down or read aloud.
/// </summary>
public sealed record SecretCode
{
    public const int Length = 20;
    public const int GroupSize = 4;

    /// <summary>Crockford's base32 alphabet.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private SecretCode(string canonical) => Canonical = canonical;

    /// <summary>The 20 symbols without separators (what is hashed).</summary>
    public string Canonical { get; }

    /// <summary>For people: groups of four joined by hyphens.</summary>
    public string Display => string.Join('-', Canonical.Chunk(GroupSize).Select(c => new string(c)));

    public override string ToString() => Display;

    /// <summary>A new random code.</summary>
    public static SecretCode Generate()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new SecretCode(new string(symbols));
    }

    /// <summary>
    /// Reads what a person typed: ignores case, spaces and hyphens, reads O as 0 and I/L as 1.
    /// Returns null when it cannot be a code (wrong length, other characters).
    /// </summary>
    public static SecretCode? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 100)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2013' or '\u00A0')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? new SecretCode(builder.ToString()) : null;
    }
}

/// <summary>A session token: 256 random bits, base64url, held in a cookie by the web layer.</summary>
public readonly record struct SessionToken(string Value)
{
    public static SessionToken Generate() =>
        new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public override string ToString() => "SessionToken(redacted)";
}
