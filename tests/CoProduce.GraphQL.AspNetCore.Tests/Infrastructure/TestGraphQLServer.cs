using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoProduce.GraphQL.AspNetCore.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduce.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The test schema served by the library, either in memory (TestServer, for HTTP) or by a real Kestrel on
/// loopback (for WebSocket), with the log captured.
/// </summary>
public sealed class TestGraphQLServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGraphQLServer(WebApplication app, LogSink log)
    {
        _app = app;
        Log = log;
    }

    public LogSink Log { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestGraphQLServer> StartAsync(
        Action<GraphQLServerOptions>? configure = null,
        bool kestrel = false,
        string environment = "Production",
        Action<GraphQLServerBuilder>? build = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var log = new LogSink();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        var graphql = builder.Services.AddTestGraphQL(configure);
        build?.Invoke(graphql);
        var app = builder.Build();
        app.UseTestGraphQL();
        await app.StartAsync();
        return new TestGraphQLServer(app, log);
    }

    /// <summary>An HTTP client for the in-memory server.</summary>
    public HttpClient CreateClient() => _app.GetTestClient();

    /// <summary>The ws:// address of /graphql on the Kestrel server.</summary>
    public Uri WebSocketUri
    {
        get
        {
            // Kestrel always provides the addresses feature.
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/graphql");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Helpers to send GraphQL requests and read responses.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static HttpRequestMessage Post(string body, string? accept = GraphQLResponse, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    public static HttpRequestMessage PostQuery(string query, object? variables = null, string? accept = GraphQLResponse) =>
        Post(JsonSerializer.Serialize(new { query, variables }), accept);

    public static HttpRequestMessage Get(string queryString, string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? FirstErrorCode(this JsonElement body) =>
        body.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions)
        && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    public static string FirstErrorMessage(this JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;
}

/// <summary>Captures log entries for assertions.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Entries.Enqueue((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
