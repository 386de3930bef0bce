using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CoProduce.Core.Common;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Hubs;
using CoProduce.Server.Localisation;
using Microsoft.EntityFrameworkCore;
using ErrorCodes = CoProduce.Core.Common.ErrorCodes;

namespace CoProduce.Server.Api;

/// <summary>
/// Workshops for staff (<c>workshops</c>, <c>workshop</c>) through <see cref="ListReadableWorkshops"/> and
/// <see cref="GetWorkshopDashboard"/>, and the live <c>workshopTallies</c> subscription fed by the hub's
/// <see cref="TallyBroadcaster"/>. Nothing about a participant is exposed but how many there are.
/// </summary>
public static class WorkshopResolvers
{
    /// <summary>A workshop as the API shows it; its record (activities, ideas, count) is read once, when first asked for.</summary>
    public sealed record WorkshopNode(Workshop Workshop, bool YouFacilitate, Lazy<Task<WorkshopDashboard?>> Record);

    /// <summary>One count of a tally (<c>TallyCount</c>).</summary>
    public sealed record TallyCountNode(string ItemId, int? Count);

    public static SchemaBuilder BindWorkshops(this SchemaBuilder schema) => schema
        .Bind("Query", "workshops", WorkshopsAsync)
        .Bind("Query", "workshop", WorkshopAsync)
        .BindType("Workshop", typeof(WorkshopFields), null)
        .Bind("Workshop", "owner", context => StaffResolvers.LoadOrganisationAsync(context, ((WorkshopNode)context.Source!).Workshop.OwnerOrganisationId))
        .BindType("WorkshopActivity", typeof(ActivityFields), null)
        .Bind("WorkshopActivity", "framework", FrameworkOfActivityAsync)
        .BindType("ActivityTally", typeof(TallyFields), null)
        .BindType("Idea", typeof(IdeaFields), null)
        .BindType("WorkshopTally", typeof(LiveTallyFields), null)
        .BindSubscription("workshopTallies", SubscribeTalliesAsync)
        .Bind("Subscription", "workshopTallies", context => new ValueTask<object?>(context.Source))
        .BindEnum<WorkshopState>("WorkshopState")
        .BindEnum<ActivityKind>("ActivityKind");

    private static async ValueTask<object?> WorkshopsAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        var (offset, count) = Paging.Window(context.Arguments.GetValueOrDefault("first") as int?, context.Arguments.GetValueOrDefault("after") as string, text);
        await using var scope = ApiServices.Begin(context);
        var page = await scope.Get<ListReadableWorkshops>().HandleAsync(actor, offset, count, context.CancellationToken);
        var scopes = ApiServices.Of(context).GetRequiredService<IServiceScopeFactory>();
        var nodes = page.Items
            .Select(r => new WorkshopNode(r.Workshop, r.Facilitator, new Lazy<Task<WorkshopDashboard?>>(() => DashboardAsync(scopes, actor, r.Workshop.Id, context.CancellationToken))))
            .ToArray();
        return Paging.Build(nodes, offset, page.Total);
    }

    private static async ValueTask<object?> WorkshopAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (ApiInput.Id(context, "id") is not { } id)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<GetWorkshopDashboard>().HandleAsync(actor, new WorkshopId(id), context.CancellationToken);
        return result.TryGetValue(out var record)
            ? new WorkshopNode(record.Workshop, record.Facilitator, new Lazy<Task<WorkshopDashboard?>>(Task.FromResult<WorkshopDashboard?>(record)))
            : ApiErrors.Refused(result.Errors, scope.Get<Text>());
    }

    private static async Task<WorkshopDashboard?> DashboardAsync(IServiceScopeFactory scopes, StaffActor actor, WorkshopId id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GetWorkshopDashboard>().HandleAsync(actor, id, cancellationToken);
        return result.TryGetValue(out var record) ? record : null;
    }

    private static async ValueTask<object?> FrameworkOfActivityAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (((DashboardActivity)context.Source!).Activity.FrameworkId is not { } frameworkId)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<GetOutcomeFramework>().HandleAsync(actor, frameworkId, cancellationToken: context.CancellationToken);
        return result.TryGetValue(out var view) ? new OutcomeFrameworkResolvers.FrameworkNode(view.Framework, view.Document, view.History) : null;
    }

    /// <summary>
    /// Every tally-bearing activity's live tally now, then each flushed tally of this workshop. Only its facilitators
    /// (and administrators) may subscribe: staff of its organisation get <c>FORBIDDEN</c>, anyone else <c>NOT_FOUND</c>.
    /// </summary>
    private static async ValueTask<IAsyncEnumerable<object?>> SubscribeTalliesAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var services = ApiServices.Of(context);
        var text = services.GetRequiredService<Text>();
        if (ApiInput.Id(context, "workshopId") is not { } guid)
        {
            throw new GraphQLException(text[ErrorCodes.WorkshopNotFound], "NOT_FOUND");
        }

        var id = new WorkshopId(guid);
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var authorized = await scope.ServiceProvider.GetRequiredService<WorkshopAccess>().AuthorizeFacilitatorAsync(actor, id, context.CancellationToken);
        if (authorized.IsFailure)
        {
            var error = authorized.Errors[0];
            throw new GraphQLException(UserErrors.From(error, text).Message, error.Code == ErrorCodes.WorkshopForbidden ? "FORBIDDEN" : "NOT_FOUND");
        }

        var activities = await scope.ServiceProvider.GetRequiredService<Core.Storage.CoProduceDbContext>().WorkshopActivities
            .Where(a => a.WorkshopId == id && a.Kind != ActivityKind.IdeaBoard)
            .OrderBy(a => a.Number)
            .Select(a => new { a.Id, a.Kind })
            .ToListAsync(context.CancellationToken);
        return Stream(id, activities.Select(a => (a.Id, a.Kind)).ToArray(), services.GetRequiredService<TallyBroadcaster>(), services.GetRequiredService<LiveTallies>(), context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> Stream(
        WorkshopId workshopId, (ActivityId Id, ActivityKind Kind)[] activities, TallyBroadcaster broadcaster, LiveTallies tallies,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Listen before the first tallies are read, so no flush between the two is missed. A dashboard that falls far
        // behind loses the oldest tallies, never the newest.
        var channel = Channel.CreateBounded<TallyMessage>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnFlushed(WorkshopId flushed, TallyMessage message)
        {
            if (flushed == workshopId)
            {
                channel.Writer.TryWrite(message);
            }
        }

        broadcaster.Flushed += OnFlushed;
        try
        {
            foreach (var (id, kind) in activities)
            {
                yield return await tallies.SnapshotAsync(id, kind);
            }

            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            broadcaster.Flushed -= OnFlushed;
        }
    }

    private static IReadOnlyList<TallyCountNode> Counts(IEnumerable<KeyValuePair<string, int?>> counts) =>
        counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new TallyCountNode(kv.Key, kv.Value)).ToArray();

    /// <summary>Fields of <c>Workshop</c>.</summary>
    public sealed class WorkshopFields
    {
        public static string Id(WorkshopNode parent) => parent.Workshop.Id.Value.ToString();

        public static Core.Consultations.LocalizedText Title(WorkshopNode parent) => parent.Workshop.Title;

        public static Core.Consultations.LocalizedText Purpose(WorkshopNode parent) => parent.Workshop.Purpose;

        public static Core.Consultations.LocalizedText GroundRules(WorkshopNode parent) => parent.Workshop.GroundRules;

        public static Core.Consultations.LocalizedText SupportInformation(WorkshopNode parent) => parent.Workshop.SupportInformation;

        public static Core.Consultations.CommissioningPhase Phase(WorkshopNode parent) => parent.Workshop.Phase;

        public static Core.Consultations.Jurisdiction Jurisdiction(WorkshopNode parent) => parent.Workshop.Jurisdiction;

        public static DateTimeOffset ScheduledAt(WorkshopNode parent) => parent.Workshop.ScheduledAt;

        public static WorkshopState State(WorkshopNode parent) => parent.Workshop.State;

        public static bool AdmissionRequired(WorkshopNode parent) => parent.Workshop.AdmissionRequired;

        public static bool YouFacilitate(WorkshopNode parent) => parent.YouFacilitate;

        public static string? CurrentActivityId(WorkshopNode parent) => parent.Workshop.CurrentActivityId?.Value.ToString();

        public static async Task<int> ParticipantCountAsync(WorkshopNode parent) => (await parent.Record.Value)?.ParticipantCount ?? 0;

        public static async Task<IReadOnlyList<DashboardActivity>> ActivitiesAsync(WorkshopNode parent) => (await parent.Record.Value)?.Activities ?? [];

        public static async Task<IReadOnlyList<DashboardIdea>> ApprovedIdeasAsync(WorkshopNode parent) => (await parent.Record.Value)?.ApprovedIdeas ?? [];
    }

    /// <summary>Fields of <c>WorkshopActivity</c>.</summary>
    public sealed class ActivityFields
    {
        public static string Id(DashboardActivity parent) => parent.Activity.Id.Value.ToString();

        public static int Number(DashboardActivity parent) => parent.Activity.Number;

        public static ActivityKind Kind(DashboardActivity parent) => parent.Activity.Kind;

        public static Core.Consultations.LocalizedText Title(DashboardActivity parent) => parent.Activity.Title;

        public static Core.Consultations.LocalizedText? Prompt(DashboardActivity parent) => parent.Activity.Prompt;

        public static Core.Consultations.LocalizedText? ContentWarning(DashboardActivity parent) => parent.Activity.ContentWarning;

        public static bool MultipleChoice(DashboardActivity parent) => parent.Activity.MultipleChoice;

        public static int Dots(DashboardActivity parent) => parent.Activity.Dots;

        public static bool PreModeration(DashboardActivity parent) => parent.Activity.PreModeration;

        public static bool ResultsRevealed(DashboardActivity parent) => parent.Activity.ResultsRevealed;

        public static bool Closed(DashboardActivity parent) => parent.Activity.Closed;

        public static IReadOnlyList<ItemView> Items(DashboardActivity parent) => parent.Activity.Items;

        public static DashboardTally? Tally(DashboardActivity parent) => parent.Tally;
    }

    /// <summary>Fields of <c>ActivityTally</c>: every item, voted for or not.</summary>
    public sealed class TallyFields
    {
        public static IReadOnlyList<TallyCountNode> Counts(DashboardTally parent) => WorkshopResolvers.Counts(parent.Counts);
    }

    /// <summary>Fields of <c>Idea</c>.</summary>
    public sealed class IdeaFields
    {
        public static string Id(DashboardIdea parent) => parent.Id.Value.ToString();

        public static string ActivityId(DashboardIdea parent) => parent.ActivityId.Value.ToString();
    }

    /// <summary>Fields of <c>WorkshopTally</c> (a live tally from the hub's broadcaster).</summary>
    public sealed class LiveTallyFields
    {
        public static string ActivityId(TallyMessage parent) => parent.ActivityId.Value.ToString();

        public static IReadOnlyList<TallyCountNode> Counts(TallyMessage parent) =>
            WorkshopResolvers.Counts(parent.Counts.Select(kv => new KeyValuePair<string, int?>(kv.Key, kv.Value)));
    }
}
