using System.Net;
using CoProduce.Core.Staff;
using CoProduce.Server.Tests.Infrastructure;

namespace CoProduce.Server.Tests.Staff;

/// <summary>Sign-in, lockout, two-factor, recovery codes and sign-out through the pages, without JavaScript.</summary>
public sealed class StaffSignInTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory _factory;

    public StaffSignInTests(ServerFactory factory) => _factory = factory;

    [Fact]
    public async Task StaffPage_NotSignedIn_RedirectsToSignIn()
    {
        var browser = _factory.Browser();

        await browser.GetAsync("/staff/admin/users");

        Assert.StartsWith("/staff/sign-in?ReturnUrl=", browser.Path, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sign in to CoProduce", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-exit-this-page", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_ShowsStaffHomeWithNameAndRoles()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner | StaffRoles.Analyst);
        var browser = _factory.Browser();

        await browser.SignInAsync(email);

        Assert.Equal("/staff", browser.Path);
        Assert.Contains("Test Commissioner, Analyst", browser.Html, StringComparison.Ordinal);
        Assert.Contains("Commissioner, Analyst", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/admin/users", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_InWelsh_StaysInWelsh()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();

        await browser.GetAsync("/cy/staff/sign-in");
        Assert.Contains("Mewngofnodi i CoProduce", browser.Html, StringComparison.Ordinal);
        await browser.PostAsync("/cy/staff/sign-in", ("email", email), ("password", StaffTestHelpers.Password));

        Assert.Equal("/cy/staff", browser.Path);
        Assert.Contains("Hafan staff", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_InWelsh_SignedInOnEnglishPagesAndTheWorkshopHubPathToo()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();

        await browser.GetAsync("/cy/staff/sign-in");
        await browser.PostAsync("/cy/staff/sign-in", ("email", email), ("password", StaffTestHelpers.Password));
        await browser.GetAsync("/staff");

        // The cookie is not limited to /cy: English pages and /hubs/workshop receive it.
        Assert.Equal("/staff", browser.Path);
        Assert.Contains("Staff home", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();

        await browser.SignInAsync(email, "Not-The-Password-1");

        Assert.Equal(["The email address or password is not right."], browser.ErrorSummary());
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksEvenTheRightPasswordOut()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(email, $"Wrong-Password-{i}a");
        }

        await browser.SignInAsync(email);

        Assert.Contains("locked", Assert.Single(browser.ErrorSummary()), StringComparison.Ordinal);
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefusedLikeAWrongPassword()
    {
        var (admin, adminEmail) = await _factory.AddStaffAsync(StaffRoles.Administrator);
        var (user, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var adminBrowser = _factory.Browser();
        await adminBrowser.SignInAsync(adminEmail);
        await adminBrowser.GetAsync($"/staff/admin/users/{user.Value}");
        await adminBrowser.PostAsync($"/staff/admin/users/{user.Value}?handler=Disable");
        Assert.Contains("Disabled", adminBrowser.Html, StringComparison.Ordinal);

        var browser = _factory.Browser();
        await browser.SignInAsync(email);

        Assert.Equal(["The email address or password is not right."], browser.ErrorSummary());
        Assert.NotEqual(admin, user);
    }

    [Fact]
    public async Task TwoFactor_SetUpWithAppThenSignIn_NeedsTheCurrentCode()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();
        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/account/two-factor");
        var key = browser.Shown("shared-key") ?? throw new InvalidOperationException("No shared key shown.");
        Assert.Contains("<svg", browser.Html, StringComparison.Ordinal);

        await browser.PostAsync("/staff/account/two-factor", ("code", "000000"));
        Assert.NotEmpty(browser.ErrorSummary());
        await browser.PostAsync("/staff/account/two-factor", ("code", StaffTestHelpers.Totp(key)));
        var codes = browser.RecoveryCodes();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        await browser.PostAsync("/staff/sign-out");
        await browser.SignInAsync(email);
        Assert.StartsWith("/staff/sign-in/two-factor", browser.Path, StringComparison.OrdinalIgnoreCase);
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.OrdinalIgnoreCase);

        await browser.SignInAsync(email);
        await browser.PostAsync("/staff/sign-in/two-factor", ("code", "123456"));
        Assert.NotEmpty(browser.ErrorSummary());
        await browser.PostAsync("/staff/sign-in/two-factor", ("code", StaffTestHelpers.Totp(key)));
        Assert.Equal("/staff", browser.Path);
    }

    [Fact]
    public async Task RecoveryCode_UsedOnce_SignsInAndCannotBeUsedAgain()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Analyst);
        var browser = _factory.Browser();
        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/account/two-factor");
        var key = browser.Shown("shared-key")!; // Shown: two-factor is off for a new account.
        await browser.PostAsync("/staff/account/two-factor", ("code", StaffTestHelpers.Totp(key)));
        var code = browser.RecoveryCodes()[0];
        await browser.PostAsync("/staff/sign-out");

        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/sign-in/two-factor?recovery=true");
        await browser.PostAsync("/staff/sign-in/two-factor?handler=Recovery", ("code", code));
        Assert.Equal("/staff", browser.Path);
        await browser.GetAsync("/staff/account/two-factor");
        Assert.Contains("9 recovery codes left", browser.Html, StringComparison.Ordinal);

        await browser.PostAsync("/staff/sign-out");
        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/sign-in/two-factor?recovery=true");
        await browser.PostAsync("/staff/sign-in/two-factor?handler=Recovery", ("code", code));
        Assert.NotEmpty(browser.ErrorSummary());
        Assert.StartsWith("/staff/sign-in/two-factor", browser.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminReset_TemporaryPassword_MustBeChangedBeforeAnythingElse()
    {
        var (_, adminEmail) = await _factory.AddStaffAsync(StaffRoles.Administrator);
        var (user, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var admin = _factory.Browser();
        await admin.SignInAsync(adminEmail);
        await admin.GetAsync($"/staff/admin/users/{user.Value}");
        await admin.PostAsync($"/staff/admin/users/{user.Value}?handler=ResetPassword");
        var temporary = admin.Shown("temporary-password") ?? throw new InvalidOperationException("No temporary password shown.");

        var browser = _factory.Browser();
        await browser.SignInAsync(email);
        Assert.NotEmpty(browser.ErrorSummary()); // The old password no longer works.
        await browser.SignInAsync(email, temporary);
        Assert.Equal("/staff/account/password", browser.Path);
        await browser.GetAsync("/staff/account/api-tokens");
        Assert.Equal("/staff/account/password", browser.Path);

        await browser.PostAsync("/staff/account/password", ("current-password", temporary), ("new-password", "A-Brand-New-Password-7"));
        Assert.Contains("Your password has been changed", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync("/staff/account/api-tokens");
        Assert.Equal("/staff/account/api-tokens", browser.Path);
        Assert.Contains("staff-user.reset-password", await AuditAsync(adminEmail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_Commissioner_GetsForbidden()
    {
        var (_, email) = await _factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = _factory.Browser();
        await browser.SignInAsync(email);

        await browser.GetAsync("/staff/admin/organisations");

        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
    }

    private async Task<string> AuditAsync(string adminEmail)
    {
        var browser = _factory.Browser();
        await browser.SignInAsync(adminEmail);
        return await browser.GetAsync("/staff/admin/audit");
    }
}
