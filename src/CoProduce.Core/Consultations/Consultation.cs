using CoProduce.Core.Common;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Consultations;

/// <summary>
/// A consultation and its lifecycle: draft → (awaiting approval →) scheduled → open → closed →
/// analysing → findings published. A scheduled consultation opens at <see cref="OpensAt"/> and an
/// open one closes at <see cref="ClosesAt"/> by the clock alone (<see cref="StatusAt"/>); the
/// <c>CloseExpiredConsultations</c> use case writes those transitions down.
/// </summary>
public sealed class Consultation
{
    private Consultation()
    {
        // For EF Core materialisation.
        Reference = "";
        Details = null!;       // Set by EF Core from the JSON column before use.
        Questionnaire = null!; // Likewise.
    }

    public Consultation(
        ConsultationId id,
        string reference,
        ConsultationDetails details,
        Questionnaire questionnaire,
        DateOnly issuedOn,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        Audience audience,
        Jurisdiction jurisdiction,
        CommissioningPhase phase,
        bool requiresApproval,
        OrganisationId? ownerOrganisationId = null)
    {
        if (closesAt <= opensAt)
        {
            throw new ArgumentException("A consultation must close after it opens.", nameof(closesAt));
        }

        Id = id;
        Reference = reference;
        Details = details;
        Questionnaire = questionnaire;
        IssuedOn = issuedOn;
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
        Audience = audience;
        Jurisdiction = jurisdiction;
        Phase = phase;
        RequiresApproval = requiresApproval;
        OwnerOrganisationId = ownerOrganisationId;
        Status = ConsultationStatus.Draft;
    }

    public ConsultationId Id { get; private set; }

    /// <summary>Unique public reference, e.g. <c>WG12345</c>.</summary>
    public string Reference { get; private set; }

    public ConsultationDetails Details { get; private set; }

    public Questionnaire Questionnaire { get; private set; }

    /// <summary>The date of issue printed on the consultation.</summary>
    public DateOnly IssuedOn { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public Audience Audience { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; }

    public CommissioningPhase Phase { get; private set; }

    public bool RequiresApproval { get; private set; }

    /// <summary>The organisation whose commissioners own it (see <c>ConsultationAccess</c>); null only for legacy imports.</summary>
    public OrganisationId? OwnerOrganisationId { get; private set; }

    /// <summary>Who submitted it for approval (cannot approve it themselves); null when not awaiting approval.</summary>
    public StaffUserId? SubmittedForApprovalBy { get; private set; }

    /// <summary>The date the consultation was approved, when approval is required.</summary>
    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>The stored status; use <see cref="StatusAt"/> for the status now.</summary>
    public ConsultationStatus Status { get; private set; }

    /// <summary>The status at an instant, applying the opening and closing times.</summary>
    public ConsultationStatus StatusAt(DateTimeOffset now) => Status switch
    {
        ConsultationStatus.Scheduled when now >= ClosesAt => ConsultationStatus.Closed,
        ConsultationStatus.Scheduled when now >= OpensAt => ConsultationStatus.Open,
        ConsultationStatus.Open when now >= ClosesAt => ConsultationStatus.Closed,
        _ => Status,
    };

    public bool IsAcceptingResponses(DateTimeOffset now) => StatusAt(now) == ConsultationStatus.Open;

    /// <summary>Visible to the public: scheduled or later (not a draft or awaiting approval).</summary>
    public bool IsPublished => Status is not (ConsultationStatus.Draft or ConsultationStatus.AwaitingApproval);

    /// <summary>All sections, including the equality section when switched on.</summary>
    public IReadOnlyList<Section> Sections => Questionnaire.AllSections(Jurisdiction);

    public Section? FindSection(SectionId id) => Questionnaire.FindSection(Jurisdiction, id);

    /// <summary>Gives the consultation to an organisation.</summary>
    public void AssignOwner(OrganisationId organisationId) => OwnerOrganisationId = organisationId;

    /// <summary>Draft → awaiting approval (only when approval is required).</summary>
    /// <param name="by">The staff member asking; they may not approve it themselves.</param>
    public Result SubmitForApproval(StaffUserId? by = null)
    {
        if (!RequiresApproval)
        {
            return new Error(ErrorCodes.ConsultationInvalidTransition, null, [Status.ToString(), nameof(ConsultationStatus.AwaitingApproval)]);
        }

        var result = Move(ConsultationStatus.Draft, ConsultationStatus.AwaitingApproval);
        if (result.IsSuccess)
        {
            SubmittedForApprovalBy = by;
        }

        return result;
    }

    /// <summary>Awaiting approval → scheduled.</summary>
    public Result Approve(DateOnly today)
    {
        var result = Move(ConsultationStatus.AwaitingApproval, ConsultationStatus.Scheduled);
        if (result.IsSuccess)
        {
            ApprovedOn = today;
        }

        return result;
    }

    /// <summary>Awaiting approval → draft, for changes.</summary>
    public Result ReturnToDraft()
    {
        var result = Move(ConsultationStatus.AwaitingApproval, ConsultationStatus.Draft);
        if (result.IsSuccess)
        {
            SubmittedForApprovalBy = null;
        }

        return result;
    }

    /// <summary>Draft → scheduled, when no approval is needed.</summary>
    public Result Schedule() => RequiresApproval
        ? new Error(ErrorCodes.ConsultationApprovalRequired)
        : Move(ConsultationStatus.Draft, ConsultationStatus.Scheduled);

    /// <summary>Write down the transitions the clock has made (scheduled → open → closed).</summary>
    /// <returns>True when the stored status changed.</returns>
    public bool CatchUpWithClock(DateTimeOffset now)
    {
        var effective = StatusAt(now);
        if (effective == Status)
        {
            return false;
        }

        Status = effective;
        return true;
    }

    /// <summary>Closed → analysing.</summary>
    public Result StartAnalysis(DateTimeOffset now)
    {
        CatchUpWithClock(now);
        return Move(ConsultationStatus.Closed, ConsultationStatus.Analysing);
    }

    /// <summary>Analysing → findings published.</summary>
    public Result PublishFindings() => Move(ConsultationStatus.Analysing, ConsultationStatus.FindingsPublished);

    /// <summary>Move dates (used by the demo content so it is always open).</summary>
    public void Reschedule(DateOnly issuedOn, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        if (closesAt <= opensAt)
        {
            throw new ArgumentException("A consultation must close after it opens.", nameof(closesAt));
        }

        IssuedOn = issuedOn;
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
    }

    private Result Move(ConsultationStatus from, ConsultationStatus to)
    {
        if (Status != from)
        {
            return new Error(ErrorCodes.ConsultationInvalidTransition, null, [Status.ToString(), to.ToString()]);
        }

        Status = to;
        return Result.Success();
    }
}
