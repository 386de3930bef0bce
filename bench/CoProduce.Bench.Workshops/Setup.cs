using CoProduce.Core;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CoProduce.Bench.Workshops;

/// <summary>
/// The room, made through Core's use cases on the server's database (the same handlers the staff pages and
/// the join page call): a workshop that requires admission, a dot-voting activity over three options,
/// N participants joined with its code (each gets a real seat token; only its keyed hash is stored, with
/// the server's key), admitted one by one by the facilitator, the session started and the activity shown.
/// </summary>
public static class Setup
{
    public static ServiceProvider Services(string provider, string? connection, string? dataDirectory, string secretKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:CoProduce"] = connection,
            ["Storage:DataDirectory"] = dataDirectory is null ? null : Path.GetFullPath(dataDirectory),
            ["Privacy:SecretKey"] = secretKey,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCoProduceCore(configuration, seedDemoContent: false);
        return services.BuildServiceProvider();
    }

    public static async Task<SetupResult> RunAsync(IServiceProvider services, int participants, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var facilitator = new StaffActor(new StaffUserId(Guid.NewGuid()), DemoOrganisation.ServiceId, StaffRoles.Facilitator, "Bench facilitator");
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await DemoOrganisation.EnsureAsync(provider.GetRequiredService<CoProduceDbContext>(), cancellationToken);
        var created = Value(await provider.GetRequiredService<CreateWorkshop>().HandleAsync(facilitator, new WorkshopDetails(
            new("Load benchmark", "Meincnod llwyth"), new("Voting at scale", "Pleidleisio ar raddfa"), CommissioningPhase.Plan, Jurisdiction.Wales,
            DateTimeOffset.UtcNow, new("Be kind", "Byddwch yn garedig"), new("Call 0808 2000 247", "Ffoniwch 0808 2000 247"), AdmissionRequired: true), cancellationToken));
        ActivityId activity = Value(await provider.GetRequiredService<AddActivity>().HandleAsync(facilitator, created.Id, new ActivityDraft(
            ActivityKind.DotVoting, new("Priorities", "Blaenoriaethau"),
            Options: [new("Childcare", "Gofal plant"), new("Travel", "Teithio"), new("Evenings", "Gyda'r nos")], Dots: 3), cancellationToken));
        Value(await provider.GetRequiredService<ControlWorkshop>().HandleAsync(facilitator, created.Id, RoomCommand.Start, null, cancellationToken));

        var seats = new Seat[participants];
        await Parallel.ForEachAsync(Enumerable.Range(0, participants), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            await using var one = services.CreateAsyncScope();
            var joined = Value(await one.ServiceProvider.GetRequiredService<JoinWorkshop>().HandleAsync(new JoinRequest(created.JoinCode.Display, null, i % 5 == 0 ? "cy" : "en"), ct));
            if (joined.Admitted)
            {
                throw new InvalidOperationException("The workshop requires admission; a participant was let in without it.");
            }

            seats[i] = new Seat(joined.SessionToken.Value, joined.ParticipantId.ToString());
        });
        await Parallel.ForEachAsync(seats, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (seat, ct) =>
        {
            await using var one = services.CreateAsyncScope();
            var status = Value(await one.ServiceProvider.GetRequiredService<ManageParticipant>().HandleAsync(facilitator, created.Id, new ParticipantId(Guid.Parse(seat.ParticipantId)), ParticipantCommand.Admit, ct));
            if (status != ParticipantStatus.Admitted)
            {
                throw new InvalidOperationException($"Admitting {seat.ParticipantId} left it {status}.");
            }
        });

        await using (var last = services.CreateAsyncScope())
        {
            Value(await last.ServiceProvider.GetRequiredService<ControlWorkshop>().HandleAsync(facilitator, created.Id, RoomCommand.ShowActivity, activity, cancellationToken));
        }

        return new SetupResult(created.Id.ToString(), activity.ToString(), seats, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Stored ballots against what each participant's last acknowledged vote was.</summary>
    public static async Task<CheckResult> CheckAsync(IServiceProvider services, SetupResult setup, int[][] expected, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var activityId = new ActivityId(Guid.Parse(setup.ActivityId));
        var stored = (await db.WorkshopBallots.AsNoTracking().Where(b => b.ActivityId == activityId).ToListAsync(cancellationToken))
            .ToDictionary(b => b.ParticipantId.ToString(), b => b.Choices);
        int matching = 0, lost = 0, never = 0;
        var examples = new List<string>();
        for (var i = 0; i < setup.Seats.Count; i++)
        {
            var seat = setup.Seats[i];
            if (expected[i].Length == 0)
            {
                never++;
                continue;
            }

            var ok = stored.TryGetValue(seat.ParticipantId, out var choices)
                && expected[i].Any(b => LoadRun.BallotChoices[b].SequenceEqual(choices));
            if (ok)
            {
                matching++;
            }
            else
            {
                lost++;
                if (examples.Count < 5)
                {
                    examples.Add($"{seat.ParticipantId}: stored [{string.Join(",", choices ?? [])}], acknowledged [{string.Join(",", LoadRun.BallotChoices[expected[i][0]])}]");
                }
            }
        }

        return new CheckResult(setup.Seats.Count, stored.Count, matching, lost, never, examples);
    }

    private static T Value<T>(Result<T> result) =>
        result.TryGetValue(out var value) ? value : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
}
