using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace CoProduce.Server.Pages.Staff;

/// <summary>The second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(StaffSignInManager signIn, Text text) : StaffPageModel(text)
{
    public const string CodeField = "code";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "recovery")]
    public bool UseRecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Staff/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = Normalise(Request.Form[CodeField].ToString());
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var result = code.Length is 0 or > 10
            ? SignInResult.Failed
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return Outcome(result);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        UseRecoveryCode = true;
        // Recovery codes are stored as shown (xxxxx-xxxxx): only spaces are dropped.
        var code = Request.Form[CodeField].ToString().Replace(" ", "", StringComparison.Ordinal).Trim();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var result = code.Length is 0 or > 50 ? SignInResult.Failed : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return Outcome(result);
    }

    private IActionResult Outcome(SignInResult result)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.Contains("/staff", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : Url.Page("/Staff/Index") ?? "/staff");
        }

        Errors.Add(new FieldError(CodeField, result.IsLockedOut ? Text["Staff.SignIn.LockedOut"] : Text["Staff.SignIn.TwoFactor.Failed"]));
        return Page();
    }

    private static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
