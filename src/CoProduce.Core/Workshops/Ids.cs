namespace CoProduce.Core.Workshops;

public readonly record struct WorkshopId(Guid Value)
{
    public static WorkshopId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct ActivityId(Guid Value)
{
    public static ActivityId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>A participant in one workshop; it names a seat in the room, never a person.</summary>
public readonly record struct ParticipantId(Guid Value)
{
    public static ParticipantId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>An idea, a proposal for the outcome framework, or a comment on a proposal.</summary>
public readonly record struct ContributionId(Guid Value)
{
    public static ContributionId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
