using CoProduce.Core.Organisations;

namespace CoProduce.Core.Staff;

// Placeholder for the shared staff contract (docs: /work/briefs/contract.md) until branch `staff`
// is merged; at that merge this file is deleted in favour of the staff branch's definitions.
public readonly record struct StaffUserId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

[Flags]
public enum StaffRoles
{
    None = 0,
    Administrator = 1,
    Commissioner = 2,
    Analyst = 4,
    Facilitator = 8,
}

public sealed record StaffActor(StaffUserId UserId, OrganisationId OrganisationId, StaffRoles Roles, string DisplayName)
{
    public bool Has(StaffRoles role) => (Roles & role) == role;
}
