using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Account;

/// <summary>Change one's own password; required after an administrator's reset.</summary>
public sealed class ChangePasswordModel(UserManager<StaffUser> users, StaffSignInManager signIn, Text text) : StaffPageModel(text)
{
    public const string CurrentField = "current-password";
    public const string NewField = "new-password";

    public bool MustChange => User.HasClaim(StaffClaims.MustChangePassword, "true");

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var current = Request.Form[CurrentField].ToString();
        var next = Request.Form[NewField].ToString();
        if (current.Length == 0 || current.Length > 1000)
        {
            Errors.Add(new FieldError(CurrentField, Text["Staff.ChangePassword.CurrentWrong"]));
            return Page();
        }

        if (next.Length > 1000 || next == current)
        {
            Errors.Add(new FieldError(NewField, Text.Format("Error.Staff.PasswordTooWeak", 12)));
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            Errors.Add(result.Errors.Any(e => e.Code == "PasswordMismatch")
                ? new FieldError(CurrentField, Text["Staff.ChangePassword.CurrentWrong"])
                : new FieldError(NewField, Text.Format("Error.Staff.PasswordTooWeak", 12)));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
