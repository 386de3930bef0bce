using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Privacy;

/// <summary>What a secret is for; part of the hashed message so a code of one kind never matches another.</summary>
public enum SecretPurpose
{
    Session,
    Resume,
    Receipt,
    ApiToken,
}

/// <summary>
/// Keyed hashes (HMAC-SHA256 with the server secret) of the secrets handed to people. Only these
/// hashes are stored; with high-entropy, server-generated secrets a keyed hash is enough (no slow
/// password hash needed), and without the key a database copy cannot be used to test guesses.
/// </summary>
public sealed class SecretHasher
{
    private readonly byte[] _key;

    public SecretHasher(IOptions<PrivacyOptions> options, SecretKeyStore keyStore)
    {
        _key = keyStore.GetOrCreateKey(options.Value);
    }

    internal SecretHasher(byte[] key) => _key = key;

    public byte[] Hash(SecretPurpose purpose, string secret)
    {
        var message = Encoding.UTF8.GetBytes($"{purpose}:{secret}");
        return HMACSHA256.HashData(_key, message);
    }

    public byte[] Hash(SecretCode code, SecretPurpose purpose) => Hash(purpose, code.Canonical);

    public byte[] Hash(SessionToken token) => Hash(SecretPurpose.Session, token.Value);

    /// <summary>Constant-time comparison of two hashes.</summary>
    public static bool Matches(byte[] expected, byte[] actual) => CryptographicOperations.FixedTimeEquals(expected, actual);
}

/// <summary>Settings under <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Base64 key of at least 32 bytes for the keyed hashes. When empty, one is generated once and kept
    /// in <c>secret.key</c> in the data folder (owner-only permissions). Several instances must share it.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>Set by registration from <c>Storage:DataDirectory</c>; where a generated key is kept.</summary>
    public string? KeyDirectory { get; set; }
}

/// <summary>Reads the configured key, or creates and keeps one in the data folder.</summary>
public sealed class SecretKeyStore
{
    public const string FileName = "secret.key";
    private static readonly Lock Gate = new();

    public byte[] GetOrCreateKey(PrivacyOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SecretKey))
        {
            return DecodeKey(options.SecretKey);
        }

        var directory = options.KeyDirectory ?? throw new InvalidOperationException("Privacy:SecretKey is not set and no data directory is known.");
        var path = Path.Combine(directory, FileName);
        lock (Gate)
        {
            if (File.Exists(path))
            {
                return DecodeKey(File.ReadAllText(path).Trim());
            }

            Directory.CreateDirectory(directory);
            var key = RandomNumberGenerator.GetBytes(32);
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, file);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(key));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
                return DecodeKey(File.ReadAllText(path).Trim());
            }

            return key;
        }
    }

    internal static byte[] DecodeKey(string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length >= 32 ? key : throw new InvalidOperationException("Privacy:SecretKey must be at least 32 bytes (base64).");
    }
}
