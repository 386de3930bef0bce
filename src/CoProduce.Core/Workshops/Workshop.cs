using System.Text.Json.Serialization;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;

namespace CoProduce.Core.Workshops;

/// <summary>Where a live session is. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkshopState>))]
public enum WorkshopState
{
    Scheduled,
    Live,
    Paused,
    Ended,
}

/// <summary>
/// A live co-design session run by facilitators (staff). Participants join with a short code, of
/// which only the keyed hash is stored. Every change bumps <see cref="Revision"/> so clients can tell
/// whether what they hold is current.
/// </summary>
public sealed class Workshop
{
    private Workshop()
    {
        // For EF Core materialisation.
        Title = null!;          // Set by EF Core from the JSON column before use.
        Purpose = null!;        // Likewise.
        GroundRules = null!;    // Likewise.
        SupportInformation = null!; // Likewise.
        JoinCodeHash = [];
        Facilitators = [];
    }

    public Workshop(
        WorkshopId id,
        LocalizedText title,
        LocalizedText purpose,
        CommissioningPhase phase,
        Jurisdiction jurisdiction,
        DateTimeOffset scheduledAt,
        LocalizedText groundRules,
        LocalizedText supportInformation,
        bool admissionRequired,
        byte[] joinCodeHash,
        StaffActor createdBy,
        ConsultationId? consultationId = null)
    {
        Id = id;
        Title = title;
        Purpose = purpose;
        Phase = phase;
        Jurisdiction = jurisdiction;
        ScheduledAt = scheduledAt.ToUniversalTime();
        GroundRules = groundRules;
        SupportInformation = supportInformation;
        AdmissionRequired = admissionRequired;
        JoinCodeHash = joinCodeHash;
        OwnerOrganisationId = createdBy.OrganisationId;
        Facilitators = [createdBy.UserId.Value];
        ConsultationId = consultationId;
        State = WorkshopState.Scheduled;
    }

    public WorkshopId Id { get; private set; }

    public LocalizedText Title { get; private set; }

    public LocalizedText Purpose { get; private set; }

    public CommissioningPhase Phase { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; }

    /// <summary>Planned start (staff data; nothing to do with any participant).</summary>
    public DateTimeOffset ScheduledAt { get; private set; }

    public LocalizedText GroundRules { get; private set; }

    public LocalizedText SupportInformation { get; private set; }

    public bool AdmissionRequired { get; private set; }

    public ConsultationId? ConsultationId { get; private set; }

    public OrganisationId OwnerOrganisationId { get; private set; }

    /// <summary>Staff user ids of the facilitators (the creator first).</summary>
    public List<Guid> Facilitators { get; private set; }

    public WorkshopState State { get; private set; }

    public ActivityId? CurrentActivityId { get; private set; }

    public byte[] JoinCodeHash { get; private set; }

    public int Revision { get; private set; }

    public bool IsFacilitator(StaffActor actor) => actor.Has(StaffRoles.Administrator) || Facilitators.Contains(actor.UserId.Value);

    public bool AcceptsParticipants => State is not WorkshopState.Ended;

    public void Touch() => Revision++;

    public void Update(LocalizedText title, LocalizedText purpose, CommissioningPhase phase, Jurisdiction jurisdiction, DateTimeOffset scheduledAt, LocalizedText groundRules, LocalizedText supportInformation, bool admissionRequired, ConsultationId? consultationId)
    {
        Title = title;
        Purpose = purpose;
        Phase = phase;
        Jurisdiction = jurisdiction;
        ScheduledAt = scheduledAt.ToUniversalTime();
        GroundRules = groundRules;
        SupportInformation = supportInformation;
        AdmissionRequired = admissionRequired;
        ConsultationId = consultationId;
        Touch();
    }

    public void ReplaceJoinCode(byte[] hash)
    {
        JoinCodeHash = hash;
        Touch();
    }

    public void AddFacilitator(StaffUserId userId)
    {
        if (!Facilitators.Contains(userId.Value))
        {
            Facilitators = [.. Facilitators, userId.Value];
            Touch();
        }
    }

    /// <summary>Moves the room; returns false when the move makes no sense from the current state.</summary>
    public bool MoveTo(WorkshopState next)
    {
        var allowed = (State, next) switch
        {
            (WorkshopState.Scheduled, WorkshopState.Live) => true,
            (WorkshopState.Live, WorkshopState.Paused) => true,
            (WorkshopState.Paused, WorkshopState.Live) => true,
            (WorkshopState.Scheduled or WorkshopState.Live or WorkshopState.Paused, WorkshopState.Ended) => true,
            _ => false,
        };
        if (allowed)
        {
            State = next;
            if (next == WorkshopState.Ended)
            {
                CurrentActivityId = null;
            }

            Touch();
        }

        return allowed;
    }

    public void ShowActivity(ActivityId? activity)
    {
        CurrentActivityId = activity;
        Touch();
    }
}
