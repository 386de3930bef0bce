namespace Microsoft.Extensions.Hosting;

public static class PrivacyLoggingExtensions
{
    /// <summary>
    /// Keeps IP addresses, user agents and referrers out of every log. No HTTP logging middleware is
    /// ever added; the framework categories that can write a client's address or headers are switched
    /// off in code, so a configuration file cannot turn them back on by accident. See docs/security.md.
    /// </summary>
    public static IHostApplicationBuilder AddPrivacyPreservingLogging(this IHostApplicationBuilder builder)
    {
        string[] silenced =
        [
            // Connection start/stop and bad-request logs carry the remote endpoint.
            "Microsoft.AspNetCore.Server.Kestrel",
            "Microsoft.AspNetCore.Server.Kestrel.Connections",
            "Microsoft.AspNetCore.Server.Kestrel.Transport",
            // Request logging (headers, user agent, referrer) — never wanted.
            "Microsoft.AspNetCore.HttpLogging",
            "Microsoft.AspNetCore.W3CLogging",
            // "Request starting … " lines name the path and, at debug level, headers.
            "Microsoft.AspNetCore.Hosting.Diagnostics",
        ];
        foreach (var category in silenced)
        {
            builder.Logging.AddFilter(category, LogLevel.None);
        }
        return builder;
    }
}
