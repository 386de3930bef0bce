using System.Security.Cryptography.X509Certificates;
using CoProduce.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Security;

/// <summary>
/// Where the ASP.NET Core data-protection key ring lives (configuration section <c>DataProtection</c>). Staff
/// cookies, the two-factor cookie, antiforgery tokens and Identity's tokens are protected with these keys, so they
/// must outlive the process: a restart (or a new container over the same volume) keeps everyone signed in.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The application name every instance shares (keys are isolated per application name).</summary>
    public const string ApplicationName = "CoProduce";

    /// <summary>Folder of the key ring; a relative path is under the data folder (<c>Storage:DataDirectory</c>). Default <c>keys</c>.</summary>
    public string KeyDirectory { get; set; } = "keys";

    /// <summary>
    /// Optional PKCS#12 (.pfx) certificate that encrypts the keys at rest on Linux and macOS (on Windows, DPAPI
    /// encrypts them without configuration). Without it, keys are stored unencrypted in a folder only the
    /// server's user can read.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>, if it has one (keep it in an environment variable or secret store).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The key folder, resolved against the data folder.</summary>
    public string ResolveKeyDirectory(StorageOptions storage) =>
        Path.GetFullPath(Path.Combine(storage.ResolvedDataDirectory, KeyDirectory));
}

public static class DataProtectionKeys
{
    /// <summary>
    /// Data protection with its keys persisted under the data folder (<see cref="DataProtectionKeyOptions"/>) and
    /// protected at rest where the platform allows. Used by the web host and the create-admin command alike.
    /// </summary>
    public static IServiceCollection AddPersistentDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName(DataProtectionKeyOptions.ApplicationName);
        services.AddOptions<DataProtectionKeyOptions>().BindConfiguration(DataProtectionKeyOptions.SectionName);

        // The folder depends on the data folder, resolved with the storage options.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IOptions<DataProtectionKeyOptions>, ILoggerFactory>((options, storage, keys, logs) =>
                options.XmlRepository = new FileSystemXmlRepository(CreateKeyDirectory(keys.Value.ResolveKeyDirectory(storage.Value)), logs));

        var settings = configuration.GetSection(DataProtectionKeyOptions.SectionName).Get<DataProtectionKeyOptions>() ?? new();
        if (OperatingSystem.IsWindows())
        {
            builder.ProtectKeysWithDpapi();
        }
        else if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>The key folder, made readable by the server's user only where the file system has Unix modes.</summary>
    private static DirectoryInfo CreateKeyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var folder = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
