using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Workshops;

/// <summary>Helpers for workshop tests: staff actors, a workshop, joining, activities.</summary>
public abstract class WorkshopTestBase(TestDatabase database) : HandlerTestBase(database)
{
    /// <summary>The facilitators' specialist service (a real row: workshops reference it).</summary>
    protected static readonly OrganisationId Refuge = DemoOrganisation.ServiceId;

    protected static readonly OrganisationId OtherOrganisation = DemoOrganisation.CommissionerId;

    protected static StaffActor Staff(StaffRoles roles, OrganisationId? organisation = null) =>
        new(new StaffUserId(Guid.NewGuid()), organisation ?? Refuge, roles, "Test staff");

    protected StaffActor Facilitator { get; } = Staff(StaffRoles.Facilitator);

    protected static WorkshopDetails Details(bool admission = false) => new(
        new LocalizedText("Shaping the refuge service", "Llunio'r gwasanaeth lloches"),
        new LocalizedText("Decide what good looks like", "Penderfynu sut olwg sydd ar dda"),
        CommissioningPhase.Plan,
        Jurisdiction.Wales,
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        new LocalizedText("Be kind", "Byddwch yn garedig"),
        new LocalizedText("Live Fear Free: 0808 80 10 800", "Byw Heb Ofn: 0808 80 10 800"),
        admission);

    protected async Task<CreatedWorkshop> CreateAsync(bool admission = false, StaffActor? actor = null)
    {
        await using (var db = Database.CreateContext())
        {
            await DemoOrganisation.EnsureAsync(db);
        }

        var created = await Run<CreateWorkshop, Result<CreatedWorkshop>>(h => h.HandleAsync(actor ?? Facilitator, Details(admission)));
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        return created.Value;
    }

    protected async Task<JoinedWorkshop> JoinAsync(JoinCode code, string? pseudonym = null, string language = "en")
    {
        var joined = await Run<JoinWorkshop, Result<JoinedWorkshop>>(h => h.HandleAsync(new JoinRequest(code.Display, pseudonym, language)));
        Assert.True(joined.IsSuccess, string.Join("; ", joined.Errors));
        return joined.Value;
    }

    protected async Task<ActivityId> AddAsync(WorkshopId workshop, ActivityDraft draft)
    {
        var added = await Run<AddActivity, Result<ActivityId>>(h => h.HandleAsync(Facilitator, workshop, draft));
        Assert.True(added.IsSuccess, string.Join("; ", added.Errors));
        return added.Value;
    }

    protected async Task ControlAsync(WorkshopId workshop, RoomCommand command, ActivityId? activity = null)
    {
        var done = await Run<ControlWorkshop, Result<RoomChanged>>(h => h.HandleAsync(Facilitator, workshop, command, activity));
        Assert.True(done.IsSuccess, string.Join("; ", done.Errors));
    }

    /// <summary>A live workshop showing a new activity.</summary>
    protected async Task<(CreatedWorkshop Workshop, ActivityId Activity)> LiveWithAsync(ActivityDraft draft, bool admission = false)
    {
        var workshop = await CreateAsync(admission);
        var activity = await AddAsync(workshop.Id, draft);
        await ControlAsync(workshop.Id, RoomCommand.Start);
        await ControlAsync(workshop.Id, RoomCommand.ShowActivity, activity);
        return (workshop, activity);
    }

    protected static ActivityDraft Poll(bool multiple = false) => new(
        ActivityKind.Poll,
        new LocalizedText("Where should the service be?", "Ble dylai'r gwasanaeth fod?"),
        Options: [new("Town centre", "Canol y dref"), new("Online", "Ar-lein"), new("Outreach", "Allgymorth")],
        MultipleChoice: multiple);

    protected static ActivityDraft IdeaBoard(bool preModeration = false) => new(
        ActivityKind.IdeaBoard,
        new LocalizedText("What would help?", "Beth fyddai'n helpu?"),
        ContentWarning: new LocalizedText("Talks about abuse", "Sôn am gam-drin"),
        PreModeration: preModeration);

    protected Task<Result<VoteCast>> VoteAsync(SessionToken token, ActivityId activity, params string[] choices) =>
        Run<CastVote, Result<VoteCast>>(h => h.HandleAsync(token, activity, choices));

    protected Task<Result<Contribution>> PostAsync(SessionToken token, ActivityId activity, string text, ContributionKind kind = ContributionKind.Idea, string? target = null, ContributionId? parent = null) =>
        Run<PostContribution, Result<Contribution>>(h => h.HandleAsync(token, activity, new ContributionDraft(kind, text, parent, target)));

    protected async Task<WorkshopView> FacilitatorViewAsync(WorkshopId id)
    {
        var view = await Run<GetWorkshopView, Result<WorkshopView>>(h => h.ForFacilitatorAsync(Facilitator, id));
        Assert.True(view.IsSuccess, string.Join("; ", view.Errors));
        return view.Value;
    }

    protected async Task<WorkshopView> ParticipantViewAsync(SessionToken token)
    {
        var view = await Run<GetWorkshopView, Result<WorkshopView>>(h => h.ForParticipantAsync(token));
        Assert.True(view.IsSuccess, string.Join("; ", view.Errors));
        return view.Value;
    }
}
