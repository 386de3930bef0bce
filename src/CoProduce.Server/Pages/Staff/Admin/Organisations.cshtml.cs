using CoProduce.Core.Organisations;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>Every organisation in the registry.</summary>
public sealed class OrganisationsModel(ListOrganisations list, Text text) : StaffPageModel(text)
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await list.HandleAsync(ct);
}
