using CoProduce.Core.Organisations;

namespace CoProduce.Core.Staff;

public readonly record struct StaffUserId(Guid Value)
{
    public static StaffUserId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>What a staff member may do; a person can hold several roles.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    Administrator = 1,
    Commissioner = 2,
    Analyst = 4,
    Facilitator = 8,
}

/// <summary>
/// A signed-in staff member as the use cases see them. The host builds it from the authenticated
/// principal (cookie or API token); Core knows nothing of Identity or HTTP.
/// </summary>
public sealed record StaffActor(StaffUserId UserId, OrganisationId OrganisationId, StaffRoles Roles, string DisplayName)
{
    /// <summary>True when the actor holds every role in <paramref name="role"/>.</summary>
    public bool Has(StaffRoles role) => role != StaffRoles.None && (Roles & role) == role;
}
