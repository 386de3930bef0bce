using CoProduce.Core.Staff;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Account;

/// <summary>Create (shown once), list and revoke one's own API tokens.</summary>
public sealed class ApiTokensModel(CreateApiToken create, ListApiTokens list, RevokeApiToken revoke, Text text) : StaffPageModel(text)
{
    public const string NameField = "name";

    public string Name { get; private set; } = "";

    public CreatedApiToken? Created { get; private set; }

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await list.HandleAsync(Actor, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        Name = Request.Form[NameField].ToString();
        var result = await create.HandleAsync(Actor, new CreateApiTokenRequest(Name), ct);
        if (result.TryGetValue(out var created))
        {
            Created = created;
            Name = "";
        }
        else
        {
            AddErrors(result.Errors, _ => NameField);
        }

        Tokens = await list.HandleAsync(Actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(Actor, new ApiTokenId(id), ct);
        return Refusal(result.Errors) ?? RedirectToPage();
    }
}
