using CoProduce.Core.Privacy;
using Microsoft.Extensions.Options;

namespace CoProduce.Core.Tests.Privacy;

public sealed class SecretHasherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"coproduce-key-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static SecretHasher WithKey(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());

    [Fact]
    public void Hash_SameCodeAndKey_IsStable()
    {
        var code = SecretCode.Generate();

        Assert.Equal(WithKey(1).Hash(code, SecretPurpose.Resume), WithKey(1).Hash(code, SecretPurpose.Resume));
    }

    [Fact]
    public void Hash_DifferentPurpose_Differs()
    {
        var code = SecretCode.Generate();

        Assert.NotEqual(WithKey(1).Hash(code, SecretPurpose.Resume), WithKey(1).Hash(code, SecretPurpose.Receipt));
    }

    [Fact]
    public void Hash_DifferentKey_Differs()
    {
        var code = SecretCode.Generate();

        Assert.NotEqual(WithKey(1).Hash(code, SecretPurpose.Resume), WithKey(2).Hash(code, SecretPurpose.Resume));
    }

    [Fact]
    public void Hash_Output_IsHmacSha256Length()
    {
        Assert.Equal(32, WithKey(1).Hash(SessionToken.Generate()).Length);
    }

    [Fact]
    public void GetOrCreateKey_NoKeyConfigured_CreatesOwnerOnlyFileOnceAndReusesIt()
    {
        var store = new SecretKeyStore();
        var options = new PrivacyOptions { KeyDirectory = _folder };

        var first = store.GetOrCreateKey(options);
        var second = new SecretKeyStore().GetOrCreateKey(options);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        var path = Path.Combine(_folder, SecretKeyStore.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void GetOrCreateKey_KeyConfigured_UsesItAndWritesNothing()
    {
        var key = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());

        var bytes = new SecretKeyStore().GetOrCreateKey(new PrivacyOptions { SecretKey = key, KeyDirectory = _folder });

        Assert.All(bytes, b => Assert.Equal(7, b));
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void GetOrCreateKey_ShortKey_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new SecretKeyStore().GetOrCreateKey(new PrivacyOptions { SecretKey = Convert.ToBase64String(new byte[16]) }));
    }

    [Fact]
    public void Constructor_FromOptions_HashesWithConfiguredKey()
    {
        var key = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        var hasher = new SecretHasher(Options.Create(new PrivacyOptions { SecretKey = key }), new SecretKeyStore());
        var token = SessionToken.Generate();

        Assert.Equal(WithKey(1).Hash(token), hasher.Hash(token));
    }
}
