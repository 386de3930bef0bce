using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>One staff account: roles, password reset (one-time temporary password), disable/enable.</summary>
public sealed class UserModel(StaffAccounts accounts, CoProduceDbContext db, Text text) : StaffPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StaffUserSummary? Account { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string? TemporaryPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken ct) =>
        await After(await accounts.SetRolesAsync(Actor, new StaffUserId(Id), NewUserModel.ParseRoles(Request.Form["roles"]), ct), ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        await After(await accounts.SetDisabledAsync(Actor, new StaffUserId(Id), true, ct), ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        await After(await accounts.SetDisabledAsync(Actor, new StaffUserId(Id), false, ct), ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct)
    {
        var result = await accounts.ResetPasswordAsync(Actor, new StaffUserId(Id), ct);
        if (result.TryGetValue(out var password))
        {
            TemporaryPassword = password;
        }
        else if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }
        else
        {
            AddErrors(result.Errors);
        }

        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult> After(Result result, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage(new { id = Id });
        }

        if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }

        AddErrors(result.Errors);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Account = await accounts.FindAsync(new StaffUserId(Id), ct);
        if (Account is null)
        {
            return NotFound();
        }

        var organisation = Account.OrganisationId;
        OrganisationName = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return null;
    }
}
