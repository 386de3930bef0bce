using System.Security.Cryptography;

namespace CoProduce.Server.Staff;

/// <summary>
/// A one-time password for a new account or an administrator's reset: 20 characters from
/// <see cref="RandomNumberGenerator"/> (about 115 bits), always with upper, lower, digit and symbol so
/// that it meets any password rule. The person must change it at their next sign-in.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!?#";

    public static string Generate()
    {
        const string all = Upper + Lower + Digits + Symbols;
        var chars = new char[20];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
