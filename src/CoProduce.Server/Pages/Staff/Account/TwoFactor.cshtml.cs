using System.Text;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Account;

/// <summary>
/// Two-factor authentication with an authenticator app: the shared key as text and as a QR code, a
/// code to confirm, then ten recovery codes shown once. Turn off, or replace the recovery codes.
/// </summary>
public sealed class TwoFactorModel(UserManager<StaffUser> users, StaffSignInManager signIn, StaffTwoFactor twoFactor, Text text) : StaffPageModel(text)
{
    public const string CodeField = "code";
    public const int RecoveryCodeCount = StaffTwoFactor.RecoveryCodeCount;
    public const string Issuer = "CoProduce";

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeSvg { get; private set; } = "";

    /// <summary>Set only on the response that shows new recovery codes.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? RedirectToPage("/Staff/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var enabled = await twoFactor.EnableAsync(user, Request.Form[CodeField].ToString(), HttpContext.RequestAborted);
        if (!enabled.TryGetValue(out var codes))
        {
            Errors.Add(new FieldError(CodeField, Text["Staff.SignIn.TwoFactor.Failed"]));
            return Page();
        }

        RecoveryCodes = codes;
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null || !Enabled)
        {
            return RedirectToPage();
        }

        var codes = await twoFactor.NewRecoveryCodesAsync(user, HttpContext.RequestAborted);
        RecoveryCodes = codes.IsSuccess ? codes.Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await twoFactor.DisableAsync(user, HttpContext.RequestAborted);
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage();
    }

    private async Task<StaffUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            }

            SharedKey = Group(key);
            var account = Uri.EscapeDataString(user.Email ?? user.Id.ToString());
            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
            QrCodeSvg = CoProduce.Server.Staff.QrCodeSvg.Render(uri, Text["Staff.TwoFactor.QrLabel"]);
        }

        return user;
    }

    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
