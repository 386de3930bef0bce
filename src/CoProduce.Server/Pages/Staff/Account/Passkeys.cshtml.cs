using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Account;

/// <summary>
/// The signed-in person's passkeys: add one under a name (needs JavaScript and WebAuthn:
/// <c>wwwroot/js/passkeys.js</c> runs the browser's prompt and posts the credential here), list with
/// the date each was added, rename, remove. Listing, renaming and removing work without JavaScript.
/// </summary>
public sealed class PasskeysModel(UserManager<StaffUser> users, StaffPasskeys passkeys, Text text) : StaffPageModel(text)
{
    public const string NameField = "passkey-name";
    public const string CredentialField = "credential";
    public const string NewNameField = "new-name";

    public IReadOnlyList<StaffPasskeySummary> Passkeys { get; private set; } = [];

    public string Name { get; private set; } = "";

    /// <summary>The name of the passkey just added, for the confirmation banner.</summary>
    public string? Added { get; private set; }

    /// <summary>The passkey whose rename form is open (<c>?rename=ID</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "rename")]
    public string? RenameId { get; set; }

    public StaffPasskeySummary? Renaming { get; private set; }

    public string NewName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        await LoadAsync(user);
        if (RenameId is not null && Renaming is null)
        {
            return NotFound();
        }

        NewName = Renaming?.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        Name = Request.Form[NameField].ToString();
        var result = await passkeys.AddAsync(user, Name, Request.Form[CredentialField].ToString(), ct);
        if (result.IsSuccess)
        {
            Added = Name.Trim();
            Name = "";
        }
        else
        {
            AddErrors(result.Errors, e => e.Path ?? NameField);
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        NewName = Request.Form[NewNameField].ToString();
        var result = await passkeys.RenameAsync(user, id, NewName, ct);
        if (result.IsSuccess)
        {
            return RedirectToPage();
        }

        if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }

        RenameId = id;
        AddErrors(result.Errors, _ => NewNameField);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var result = await passkeys.RemoveAsync(user, id, ct);
        return Refusal(result.Errors) ?? RedirectToPage();
    }

    private async Task LoadAsync(StaffUser user)
    {
        Passkeys = await passkeys.ListAsync(user);
        Renaming = RenameId is null ? null : Passkeys.FirstOrDefault(p => p.Id == RenameId);
    }
}
