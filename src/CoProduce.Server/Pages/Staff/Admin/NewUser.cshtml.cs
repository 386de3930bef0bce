using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>Create a staff account with roles in an organisation; shows its one-time temporary password.</summary>
public sealed class NewUserModel(StaffAccounts accounts, ListOrganisations organisations, Text text) : StaffPageModel(text)
{
    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public Guid? OrganisationId { get; private set; }

    public StaffRoles Roles { get; private set; }

    public string? TemporaryPassword { get; private set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.HandleAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organisations = await organisations.HandleAsync(ct);
        Email = Request.Form["email"].ToString();
        DisplayName = Request.Form["display-name"].ToString();
        OrganisationId = Guid.TryParse(Request.Form["organisation"], out var organisation) ? organisation : null;
        Roles = ParseRoles(Request.Form["roles"]);
        var result = await accounts.CreateAsync(Actor, new CreateStaffUserRequest(Email, DisplayName, new OrganisationId(OrganisationId ?? Guid.Empty), Roles), ct: ct);
        if (result.TryGetValue(out var created))
        {
            TemporaryPassword = created.TemporaryPassword;
            return Page();
        }

        if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }

        AddErrors(result.Errors);
        return Page();
    }

    /// <summary>Role names from checkboxes; anything unknown is ignored.</summary>
    public static StaffRoles ParseRoles(IEnumerable<string?> values) =>
        values.Aggregate(StaffRoles.None, (roles, value) =>
            Enum.TryParse<StaffRoles>(value, out var role) && RoleNames.Each.Contains(role) ? roles | role : roles);
}
