using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Staff;

/// <summary>
/// The access rules of docs/security.md as a table: every role, on a consultation of its own and of
/// another organisation, draft and published, for every permission.
/// </summary>
public sealed class ConsultationAccessRulesTests
{
    private static readonly OrganisationId Own = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"));
    private static readonly OrganisationId Other = new(Guid.Parse("00000000-0000-0000-0000-0000000000b2"));
    private static readonly StaffUserId Me = new(Guid.Parse("00000000-0000-0000-0000-0000000000c3"));
    private static readonly StaffUserId Colleague = new(Guid.Parse("00000000-0000-0000-0000-0000000000d4"));

    private static readonly ConsultationPermission[] All = Enum.GetValues<ConsultationPermission>();

    private static readonly ConsultationPermission[] ViewOnly = [ConsultationPermission.View];

    private static readonly ConsultationPermission[] AnalystAssigned = [ConsultationPermission.View, ConsultationPermission.ReadResponses];

    private static readonly ConsultationPermission[] AllButApprove = All.Where(p => p != ConsultationPermission.Approve).ToArray();

    private static readonly ConsultationPermission[] Nothing = [];

    public enum Owner
    {
        Own,
        Other,
    }

    public enum State
    {
        Draft,
        AwaitingApproval,
        Published,
    }

    /// <summary>(who, whose, state, assigned as analyst) → what they may do.</summary>
    public static TheoryData<string, Owner, State, bool, ConsultationPermission[]> Table()
    {
        var data = new TheoryData<string, Owner, State, bool, ConsultationPermission[]>();
        foreach (var owner in Enum.GetValues<Owner>())
        {
            foreach (var state in Enum.GetValues<State>())
            {
                var published = state == State.Published;
                data.Add(nameof(StaffRoles.Administrator), owner, state, false, All);
                data.Add(nameof(StaffRoles.Commissioner), owner, state, false, owner == Owner.Own ? All : published ? ViewOnly : Nothing);
                data.Add(nameof(StaffRoles.Analyst), owner, state, true, AnalystAssigned);
                data.Add(nameof(StaffRoles.Analyst), owner, state, false, published ? ViewOnly : Nothing);
                data.Add(nameof(StaffRoles.Facilitator), owner, state, false, published ? ViewOnly : Nothing);
                data.Add(nameof(StaffRoles.None), owner, state, false, Nothing);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_EveryRoleOwnershipStateAndPermission_FollowsTheRulesTable(string role, Owner owner, State state, bool assigned, ConsultationPermission[] allowed)
    {
        var actor = Actor(Enum.Parse<StaffRoles>(role));
        var consultation = Create(owner == Owner.Own ? Own : Other, state, submittedBy: Colleague);

        foreach (var permission in All)
        {
            var refusal = ConsultationAccess.Decide(actor, consultation, assigned, permission);
            if (allowed.Contains(permission))
            {
                Assert.True(refusal is null, $"{role} should {permission} ({owner}, {state}) but got {refusal}");
            }
            else
            {
                // Not even allowed to view: the consultation's existence is not revealed.
                var expected = allowed.Contains(ConsultationPermission.View) ? ErrorCodes.Forbidden : ErrorCodes.NotFound;
                Assert.True(expected == refusal?.Code, $"{role} {permission} ({owner}, {state}): expected {expected}, got {refusal?.Code ?? "allowed"}");
            }
        }
    }

    [Fact]
    public void Decide_CommissionerWhoSubmittedForApproval_CannotApproveButMayDoTheRest()
    {
        var consultation = Create(Own, State.AwaitingApproval, submittedBy: Me);
        var actor = Actor(StaffRoles.Commissioner);

        Assert.Equal(ErrorCodes.Forbidden, ConsultationAccess.Decide(actor, consultation, false, ConsultationPermission.Approve)?.Code);
        Assert.All(AllButApprove, p => Assert.Null(ConsultationAccess.Decide(actor, consultation, false, p)));
    }

    [Fact]
    public void Decide_AdministratorWhoSubmittedForApproval_MayApprove()
    {
        var consultation = Create(Own, State.AwaitingApproval, submittedBy: Me);

        Assert.Null(ConsultationAccess.Decide(Actor(StaffRoles.Administrator), consultation, false, ConsultationPermission.Approve));
    }

    [Fact]
    public void Decide_AnalystAndFacilitatorTogether_GetTheUnionOfBoth()
    {
        var draft = Create(Other, State.Draft, submittedBy: null);
        var actor = Actor(StaffRoles.Analyst | StaffRoles.Facilitator);

        Assert.Null(ConsultationAccess.Decide(actor, draft, isAssignedAnalyst: true, ConsultationPermission.ReadResponses));
        Assert.Equal(ErrorCodes.Forbidden, ConsultationAccess.Decide(actor, draft, isAssignedAnalyst: true, ConsultationPermission.Edit)?.Code);
    }

    [Fact]
    public void Decide_UnownedDraftForCommissioner_IsNotFound()
    {
        var unowned = Create(null, State.Draft, submittedBy: null);

        Assert.Equal(ErrorCodes.NotFound, ConsultationAccess.Decide(Actor(StaffRoles.Commissioner), unowned, false, ConsultationPermission.View)?.Code);
    }

    [Fact]
    public void Has_CombinedRoles_ChecksEachRole()
    {
        var actor = Actor(StaffRoles.Commissioner | StaffRoles.Analyst);

        Assert.True(actor.Has(StaffRoles.Commissioner));
        Assert.True(actor.Has(StaffRoles.Analyst));
        Assert.False(actor.Has(StaffRoles.Administrator));
        Assert.False(actor.Has(StaffRoles.None));
    }

    private static StaffActor Actor(StaffRoles roles) => new(Me, Own, roles, "Test person");

    private static Consultation Create(OrganisationId? owner, State state, StaffUserId? submittedBy)
    {
        var opens = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var d = SampleConsultation.Definition("WG1", opens, opens.AddDays(28));
        var consultation = new Consultation(ConsultationId.New(), "WG1", d.ToDetails(), d.Questionnaire, d.IssuedOn, opens, opens.AddDays(28), Audience.Public, Jurisdiction.Wales, CommissioningPhase.Analyse, requiresApproval: true, owner);
        if (state != State.Draft)
        {
            Assert.True(consultation.SubmitForApproval(submittedBy).IsSuccess);
        }

        if (state == State.Published)
        {
            Assert.True(consultation.Approve(DateOnly.FromDateTime(opens.UtcDateTime)).IsSuccess);
        }

        return consultation;
    }
}
