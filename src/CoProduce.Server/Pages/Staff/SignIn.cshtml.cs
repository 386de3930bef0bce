using CoProduce.Core.Common;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff;

/// <summary>
/// Staff sign-in with email and password (locks the account after repeated failures), or with a
/// passkey where the browser has JavaScript and WebAuthn (<c>wwwroot/js/passkeys.js</c> posts the
/// credential to <see cref="OnPostPasskeyAsync"/>).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(StaffSignInManager signIn, Text text) : StaffPageModel(text)
{
    public const string EmailField = "email";
    public const string PasswordField = "password";
    public const string CredentialField = "credential";
    public const string PasskeyError = "passkey";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Email { get; private set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Email = Request.Form[EmailField].ToString().Trim();
        var password = Request.Form[PasswordField].ToString();
        if (Email.Length == 0 || password.Length == 0 || Email.Length > 256 || password.Length > 1000)
        {
            Errors.Add(new FieldError(EmailField, Text["Staff.SignIn.Missing"]));
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/SignInTwoFactor", new { returnUrl = ReturnUrl });
        }

        // Locked out, disabled, unknown or wrong: one message that reveals nothing about the account,
        // except the lockout itself, which the person needs to know to wait.
        Errors.Add(new FieldError(EmailField, result.IsLockedOut ? Text["Staff.SignIn.LockedOut"] : Text["Staff.SignIn.Failed"]));
        return Page();
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var credential = Request.Form[CredentialField].ToString();
        var result = credential.Length is 0 or > StaffPasskeys.MaxCredentialJsonLength
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasskeySignInAsync(credential);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        // Unknown passkey, failed check, disabled account: one message; lockout is told, as above.
        Errors.Add(new FieldError(PasskeyError, result.IsLockedOut ? Text["Staff.SignIn.LockedOut"] : Text["Staff.SignIn.Passkey.Failed"]));
        return Page();
    }

    /// <summary>Only our own staff pages; anything else goes to the staff home page.</summary>
    public string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.Contains("/staff", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : Url.Page("/Staff/Index") ?? "/staff";
}
