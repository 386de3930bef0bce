using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CoProduce.Bench.Submissions.Reporting;

namespace CoProduce.Bench.Submissions.Load;

public sealed record LoadOptions(LoadMode Mode, Uri BaseAddress, string StartPath, string DefinitionFile, int Clients, TimeSpan Duration, TimeSpan Warmup, TimeSpan RequestTimeout, int? ServerPid, string? TrustedCertificateFile);

/// <summary>How a client submits a response.</summary>
public enum LoadMode
{
    /// <summary>The respondent pages without JavaScript: 13 requests per response (<see cref="Journey"/>).</summary>
    Journey,

    /// <summary>One request per response: the API's public <c>submitResponse</c> mutation (<see cref="ApiSubmission"/>).</summary>
    Api,
}

/// <summary>
/// Runs <see cref="LoadOptions.Clients"/> respondents, each starting a new journey (or API submission)
/// as soon as the last ended. The figures come from the journeys that ended inside the measured window
/// (after the warm-up); at its end no new journey starts and those under way are finished, so every
/// submission the server stored was either acknowledged or reported as an error.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(options.BaseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The benchmark only talks to a loopback address, not {options.BaseAddress.Host}.");
        }

        var plan = AnswerPlan.FromDefinitionFile(options.DefinitionFile);
        var body = ApiSubmission.Body.For(plan);
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = options.Clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions = TrustOnly(options.TrustedCertificateFile),
        };
        using var http = new HttpClient(handler)
        {
            BaseAddress = options.BaseAddress,
            Timeout = options.RequestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var process = Process.GetCurrentProcess();
        var frequency = Stopwatch.Frequency;
        var windowStart = Stopwatch.GetTimestamp() + (long)(options.Warmup.TotalSeconds * frequency);
        var windowEnd = windowStart + (long)(options.Duration.TotalSeconds * frequency);

        // Samples taken when the window opens, by a timer beside the clients.
        var sampler = Task.Run(async () =>
        {
            var wait = TimeSpan.FromSeconds((double)(windowStart - Stopwatch.GetTimestamp()) / frequency);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            process.Refresh();
            return (Client: process.TotalProcessorTime, Server: CpuSample.ProcessCpuSeconds(options.ServerPid), System: CpuSample.Read(), Load: CpuSample.LoadAverage());
        }, cancellationToken);

        var clients = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            Func<CancellationToken, Task<JourneyOutcome>> submit = options.Mode == LoadMode.Api
                ? new ApiSubmission(http, body).RunAsync
                : new Journey(http, plan, options.StartPath).RunAsync;
            var outcomes = new List<JourneyOutcome>();
            while (Stopwatch.GetTimestamp() < windowEnd && !cancellationToken.IsCancellationRequested)
            {
                outcomes.Add(await submit(cancellationToken));
            }

            return outcomes;
        }, cancellationToken)).ToArray();

        var before = await sampler;
        var afterWindow = Task.Run(async () =>
        {
            var wait = TimeSpan.FromSeconds((double)(windowEnd - Stopwatch.GetTimestamp()) / frequency);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            process.Refresh();
            return (Client: process.TotalProcessorTime, Server: CpuSample.ProcessCpuSeconds(options.ServerPid), System: CpuSample.Read());
        }, cancellationToken);
        var outcomes = (await Task.WhenAll(clients)).SelectMany(o => o).ToList();
        var after = await afterWindow;

        // The window's figures: journeys that ended inside it. The totals: everything, so that the
        // acknowledged count can be held against the stored rows.
        var inWindow = outcomes.Where(o => o.CompletedAt >= windowStart && o.CompletedAt <= windowEnd).ToList();
        var acknowledgedInWindow = inWindow.Where(o => o.Acknowledged).ToList();
        var errors = outcomes
            .Where(o => !o.Acknowledged)
            .GroupBy(o => o.Error ?? "")
            .ToDictionary(g => g.Key, g => g.Count());
        var seconds = options.Duration.TotalSeconds;
        return new LoadResult
        {
            Mode = options.Mode.ToString().ToLowerInvariant(),
            Clients = options.Clients,
            DurationSeconds = seconds,
            WarmupSeconds = options.Warmup.TotalSeconds,
            AcknowledgedInWindow = acknowledgedInWindow.Count,
            AcknowledgedTotal = outcomes.Count(o => o.Acknowledged),
            ErrorsTotal = errors.Values.Sum(),
            Errors = errors,
            SubmissionsPerSecond = acknowledgedInWindow.Count / seconds,
            RequestsPerSecond = inWindow.Sum(o => o.Requests) / seconds,
            RequestsPerJourney = acknowledgedInWindow.Count == 0 ? 0 : acknowledgedInWindow.Average(o => o.Requests),
            SubmitMs = Percentiles.Of(acknowledgedInWindow.Select(o => Ms(o.SubmitTicks))),
            JourneyMs = Percentiles.Of(acknowledgedInWindow.Select(o => Ms(o.JourneyTicks))),
            LoadAverageBefore = before.Load,
            LoadAverageAfter = CpuSample.LoadAverage(),
            MachineBusyFraction = after.System.BusyFractionSince(before.System),
            ClientCpuSeconds = (after.Client - before.Client).TotalSeconds,
            ServerCpuSeconds = after.Server - before.Server,
        };
    }

    /// <summary>
    /// The server runs with a throw-away self-signed certificate (its antiforgery cookie is Secure
    /// outside development); trust exactly that certificate and nothing else.
    /// </summary>
    private static SslClientAuthenticationOptions TrustOnly(string? certificateFile)
    {
        if (certificateFile is null)
        {
            return new SslClientAuthenticationOptions();
        }

        var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile)).RawData;
        return new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(trusted),
        };
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
