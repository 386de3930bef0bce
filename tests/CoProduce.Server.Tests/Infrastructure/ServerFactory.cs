using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoProduce.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory. <see cref="EnvironmentName"/> chooses Development (plain HTTP allowed)
/// or Production (Secure cookies, HSTS); <see cref="Settings"/> override configuration. Every log
/// line is captured in <see cref="Logs"/>. A few test-only endpoints exercise the pipeline:
/// <c>/test/throw</c>, <c>/test/form</c> (issues an antiforgery token) and <c>/test/code-lookup</c>
/// (rate-limited with the <c>code-lookup</c> policy).
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];

    public string EnvironmentName { get; init; } = "Development";

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    // Each factory gets its own data folder (SQLite file, generated keys) once storage is wired in,
    // so parallel test classes never share or leave behind a database.
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coproduce-server-tests-" + Guid.NewGuid().ToString("N"));

    public ConcurrentQueue<string> Logs { get; } = new();

    public ServerFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        // No demo content unless a test asks for it (Development would seed it).
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, TestEndpointsStartupFilter>();
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A client that does not follow redirects and sends requests as https://coproduce.example (HSTS skips localhost).</summary>
    public HttpClient CreateHttpsClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://coproduce.example/"),
    });

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Selects a test endpoint before routing runs (routing keeps an endpoint that is already chosen),
    /// so the rest of the real pipeline — error pages, rate limiter, antiforgery — applies to it.
    /// </summary>
    private sealed class TestEndpointsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value ?? "";
                if (path.StartsWith("/cy/", StringComparison.Ordinal))
                {
                    path = path[3..];
                }
                var endpoint = path switch
                {
                    "/test/throw" => new Endpoint(_ => throw new InvalidOperationException("secret-stack-detail"), EndpointMetadataCollection.Empty, "throw"),
                    "/test/form" => new Endpoint(WriteTokenAsync, EndpointMetadataCollection.Empty, "form"),
                    "/test/code-lookup" => new Endpoint(
                        c => c.Response.WriteAsync("found"),
                        new EndpointMetadataCollection(new EnableRateLimitingAttribute(RateLimitPolicies.CodeLookup)),
                        "code-lookup"),
                    _ => null,
                };
                if (endpoint is not null)
                {
                    context.SetEndpoint(endpoint);
                }
                return nextMiddleware(context);
            });
            next(app);
        };

        private static Task WriteTokenAsync(HttpContext context)
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            return context.Response.WriteAsync(tokens.RequestToken ?? "");
        }
    }
}

/// <summary>Keeps every formatted log message, with its category and any exception.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
