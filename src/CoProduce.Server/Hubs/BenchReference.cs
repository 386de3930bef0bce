using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Hubs;

/// <summary>
/// For <c>bench/workshops</c> only, and only when <c>Workshops:Bench:Enabled</c> is true (off by
/// default, never in production): the reference the workshop figures are read against. A minimal
/// SignalR hub with the same traffic shape as <see cref="WorkshopHub"/> (each client's <c>Vote</c> is
/// answered at once; a fixed-shape <c>Tally</c> goes to every connection at most every
/// <see cref="WorkshopHubOptions.TallyInterval"/>) but no database, no validation and no groups: what
/// SignalR's own fan-out costs on the machine. It also reports the server's memory for the per-connection
/// figure. Nothing here is stored or logged.
/// </summary>
public sealed class BenchReferenceHub(BenchReferenceTally tally) : Hub
{
    public const string Path = "/hubs/bench-reference";

    public VoteAck Vote(VoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new VoteAck(true, Sequence: tally.Count());
    }
}

/// <summary>The reference's counter and its coalesced broadcast (the same interval as the live tallies).</summary>
public sealed class BenchReferenceTally(IHubContext<BenchReferenceHub> hub, IOptions<WorkshopHubOptions> options)
{
    private static readonly Dictionary<string, int> FixedCounts = new(StringComparer.Ordinal) { ["o1"] = 1, ["o2"] = 1, ["o3"] = 1 };
    private long _sequence;
    private int _pending;

    public long Count()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(options.Value.TallyInterval);
                Volatile.Write(ref _pending, 0);
                var message = new TallyMessage(default, FixedCounts, 3, Interlocked.Read(ref _sequence));
                await hub.Clients.All.SendAsync("Tally", message);
            });
        }

        return sequence;
    }
}

/// <summary>Server memory for the bench's per-connection figure (after a full collection when asked).</summary>
public sealed record BenchMemory(long GcHeapBytes, long WorkingSetBytes, long PrivateBytes);

public static class BenchReferenceExtensions
{
    public const string EnabledKey = "Workshops:Bench:Enabled";

    public static bool BenchEnabled(this IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static void AddBenchReference(this IServiceCollection services) => services.AddSingleton<BenchReferenceTally>();

    public static void MapBenchReference(this WebApplication app)
    {
        app.MapHub<BenchReferenceHub>(BenchReferenceHub.Path);
        app.MapGet("/bench/memory", (bool? collect) =>
        {
            if (collect == true)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            using var process = Process.GetCurrentProcess();
            return new BenchMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.PrivateMemorySize64);
        });
    }
}
