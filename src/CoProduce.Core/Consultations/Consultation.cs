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

    /// <summary>
    /// Visible to the public: scheduled or later (not a draft or awaiting approval). Archived ones were
    /// published before (only finished consultations are archived) and stay readable.
    /// </summary>
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

    /// <summary>Draft → scheduled, refused when the closing time has already passed.</summary>
    public Result Schedule(DateTimeOffset now) => ClosesAt <= now
        ? new Error(ErrorCodes.ConsultationClosingDateInvalid, "closesAt")
        : Schedule();

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

    /// <summary>
    /// Open now: a scheduled consultation (approved, or needing no approval) or a draft needing no
    /// approval starts taking responses at <paramref name="now"/>.
    /// </summary>
    public Result OpenNow(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status == ConsultationStatus.Draft && RequiresApproval)
        {
            return new Error(ErrorCodes.ConsultationApprovalRequired);
        }

        if (status is not (ConsultationStatus.Draft or ConsultationStatus.Scheduled))
        {
            return Invalid(status, ConsultationStatus.Open);
        }

        if (ClosesAt <= now)
        {
            return new Error(ErrorCodes.ConsultationClosingDateInvalid, "closesAt");
        }

        OpensAt = now.ToUniversalTime();
        Status = ConsultationStatus.Open;
        return Result.Success();
    }

    /// <summary>Close early: an open consultation stops taking responses at <paramref name="now"/>.</summary>
    public Result CloseEarly(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != ConsultationStatus.Open)
        {
            return Invalid(status, ConsultationStatus.Closed);
        }

        ClosesAt = now.ToUniversalTime();
        Status = ConsultationStatus.Closed;
        return Result.Success();
    }

    /// <summary>
    /// Move the closing time later while scheduled or open. Drafts and resume codes live until the
    /// consultation closes, so they follow the new date without any change to them.
    /// </summary>
    public Result ExtendClosingDate(DateTimeOffset newClosesAt, DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status is not (ConsultationStatus.Scheduled or ConsultationStatus.Open))
        {
            return Invalid(status, status);
        }

        if (newClosesAt <= ClosesAt || newClosesAt <= now)
        {
            return new Error(ErrorCodes.ConsultationClosingDateInvalid, "closesAt");
        }

        CatchUpWithClock(now);
        ClosesAt = newClosesAt.ToUniversalTime();
        return Result.Success();
    }

    /// <summary>Reopen a closed consultation until <paramref name="newClosesAt"/> (later than now).</summary>
    public Result Reopen(DateTimeOffset newClosesAt, DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != ConsultationStatus.Closed)
        {
            return Invalid(status, ConsultationStatus.Open);
        }

        if (newClosesAt <= now)
        {
            return new Error(ErrorCodes.ConsultationClosingDateInvalid, "closesAt");
        }

        ClosesAt = newClosesAt.ToUniversalTime();
        Status = ConsultationStatus.Open;
        return Result.Success();
    }

    /// <summary>Put a finished consultation (closed, analysing or with findings published) away.</summary>
    public Result Archive(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status is not (ConsultationStatus.Closed or ConsultationStatus.Analysing or ConsultationStatus.FindingsPublished))
        {
            return Invalid(status, ConsultationStatus.Archived);
        }

        Status = ConsultationStatus.Archived;
        return Result.Success();
    }

    /// <summary>
    /// Back to draft for changes: from awaiting approval, or from scheduled before it opens (an
    /// approval given is then withdrawn and must be given again).
    /// </summary>
    public Result ReturnToDraft(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status == ConsultationStatus.AwaitingApproval)
        {
            return ReturnToDraft();
        }

        if (status != ConsultationStatus.Scheduled)
        {
            return Invalid(status, ConsultationStatus.Draft);
        }

        Status = ConsultationStatus.Draft;
        ApprovedOn = null;
        return Result.Success();
    }

    /// <summary>What may be changed at an instant (see docs/authoring.md).</summary>
    public EditScope EditScopeAt(DateTimeOffset now) => StatusAt(now) switch
    {
        ConsultationStatus.Draft => EditScope.Everything,
        ConsultationStatus.Scheduled or ConsultationStatus.Open => EditScope.TextsOnly,
        _ => EditScope.Nothing,
    };

    /// <summary>Reference, dates, audience, jurisdiction, phase and approval: only while a draft.</summary>
    public Result UpdateSettings(ConsultationSettings settings, DateTimeOffset now)
    {
        if (EditScopeAt(now) != EditScope.Everything)
        {
            return new Error(ErrorCodes.AuthoringNotEditable, null, [StatusAt(now).ToString()]);
        }

        if (settings.ClosesAt <= settings.OpensAt)
        {
            return new Error(ErrorCodes.ImportInvalidDates, "closesAt");
        }

        Reference = settings.Reference;
        IssuedOn = settings.IssuedOn;
        OpensAt = settings.OpensAt.ToUniversalTime();
        ClosesAt = settings.ClosesAt.ToUniversalTime();
        Audience = settings.Audience;
        Jurisdiction = settings.Jurisdiction;
        Phase = settings.Phase;
        RequiresApproval = settings.RequiresApproval;
        return Result.Success();
    }

    /// <summary>The settings as they are now, to change some of them.</summary>
    public ConsultationSettings Settings => new(Reference, IssuedOn, OpensAt, ClosesAt, Audience, Jurisdiction, Phase, RequiresApproval);

    /// <summary>
    /// Replace the public content. While scheduled or open only wording may change (typo fixes):
    /// every value that is not bilingual text — e-mail addresses, flags, forms of violence, retention,
    /// the number of documents — must stay as it is.
    /// </summary>
    public Result UpdateDetails(ConsultationDetails details, DateTimeOffset now)
    {
        var allowed = CheckEdit(Details, details, now);
        if (allowed.IsSuccess)
        {
            Details = details;
        }

        return allowed;
    }

    /// <summary>
    /// Replace the questionnaire. While scheduled or open only wording may change: no section or
    /// question is added, removed or moved, and no type, option value, condition or limit changes —
    /// so answers already given keep meaning what they meant.
    /// </summary>
    public Result UpdateQuestionnaire(Questionnaire questionnaire, DateTimeOffset now)
    {
        var allowed = CheckEdit(Questionnaire, questionnaire, now);
        if (allowed.IsSuccess)
        {
            Questionnaire = questionnaire;
        }

        return allowed;
    }

    private Result CheckEdit<T>(T current, T next, DateTimeOffset now)
    {
        return EditScopeAt(now) switch
        {
            EditScope.Everything => Result.Success(),
            EditScope.TextsOnly when TextShape.SameExceptTexts(current, next) => Result.Success(),
            EditScope.TextsOnly => new Error(ErrorCodes.AuthoringTextsOnly, null, [StatusAt(now).ToString()]),
            _ => new Error(ErrorCodes.AuthoringNotEditable, null, [StatusAt(now).ToString()]),
        };
    }

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

    private static Error Invalid(ConsultationStatus from, ConsultationStatus to) =>
        new(ErrorCodes.ConsultationInvalidTransition, null, [from.ToString(), to.ToString()]);

    private Result Move(ConsultationStatus from, ConsultationStatus to)
    {
        if (Status != from)
        {
            return Invalid(Status, to);
        }

        Status = to;
        return Result.Success();
    }
}

/// <summary>How much of a consultation may be changed in its current status.</summary>
public enum EditScope
{
    /// <summary>Drafts: every field, the questionnaire's structure included.</summary>
    Everything,

    /// <summary>Scheduled or open: wording only (typo fixes in either language).</summary>
    TextsOnly,

    /// <summary>Awaiting approval, closed, analysing, findings published or archived.</summary>
    Nothing,
}

/// <summary>The settings of a consultation that are not authored text.</summary>
/// <param name="Reference">Normalised reference (see <see cref="ConsultationReference"/>).</param>
public sealed record ConsultationSettings(
    string Reference,
    DateOnly IssuedOn,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    Audience Audience,
    Jurisdiction Jurisdiction,
    CommissioningPhase Phase,
    bool RequiresApproval);
