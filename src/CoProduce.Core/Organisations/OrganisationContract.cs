namespace CoProduce.Core.Organisations;

// Placeholder for the shared contract until branch `staff` is merged (then deleted).
public readonly record struct OrganisationId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
