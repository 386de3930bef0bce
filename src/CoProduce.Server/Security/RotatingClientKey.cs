using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Security;

/// <summary>
/// Turns a client address into a short-lived rate-limiter partition key: an HMAC-SHA-256 of the
/// address under a random key that lives only in memory and is replaced every
/// <see cref="CodeLookupRateLimitOptions.KeyLifetime"/>. The address itself is never kept; the key is
/// never written anywhere, so the partition keys cannot be linked back to addresses once it rotates.
/// </summary>
public sealed class RotatingClientKey(TimeProvider time, IOptions<CodeLookupRateLimitOptions> options)
{
    private readonly Lock _gate = new();
    private byte[] _key = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset _expires = time.GetUtcNow() + options.Value.KeyLifetime;

    public string PartitionKey(IPAddress? address)
    {
        Span<byte> addressBytes = stackalloc byte[16];
        var written = 0;
        if (address is not null && !address.TryWriteBytes(addressBytes, out written))
        {
            written = 0;
        }
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(CurrentKey(), addressBytes[..written], hash);
        // 16 bytes are plenty to tell clients apart for the life of a window.
        return Convert.ToHexString(hash[..16]);
    }

    private byte[] CurrentKey()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now >= _expires)
            {
                CryptographicOperations.ZeroMemory(_key);
                _key = RandomNumberGenerator.GetBytes(32);
                _expires = now + options.Value.KeyLifetime;
            }
            return _key;
        }
    }
}
