using CoProduce.Core.Organisations;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>Every staff account.</summary>
public sealed class UsersModel(StaffAccounts accounts, ListOrganisations organisations, Text text) : StaffPageModel(text)
{
    private Dictionary<OrganisationId, string> _names = [];

    public IReadOnlyList<StaffUserSummary> Users { get; private set; } = [];

    public string OrganisationName(OrganisationId id) => _names.GetValueOrDefault(id, "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        _names = (await organisations.HandleAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
