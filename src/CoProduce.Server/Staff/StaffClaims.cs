using System.Globalization;
using System.Security.Claims;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Staff;

/// <summary>The claims a signed-in staff member carries, by cookie or by API token alike.</summary>
public static class StaffClaims
{
    public const string Organisation = "coproduce:organisation";
    public const string Roles = "coproduce:roles";
    public const string DisplayName = "coproduce:display-name";
    public const string MustChangePassword = "coproduce:must-change-password";

    /// <summary>The actor the use cases see, or null when the principal is not a staff member.</summary>
    public static StaffActor? ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
            || !Guid.TryParse(principal.FindFirstValue(Organisation), out var organisation)
            || !int.TryParse(principal.FindFirstValue(Roles), NumberStyles.None, CultureInfo.InvariantCulture, out var roles))
        {
            return null;
        }

        return new StaffActor(new StaffUserId(user), new OrganisationId(organisation), (StaffRoles)roles, principal.FindFirstValue(DisplayName) ?? "");
    }
}

/// <summary>Adds organisation, roles and display name to Identity's claims.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.Organisation, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(StaffClaims.Roles, ((int)user.Roles).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}

/// <summary>The signed-in staff member of the current request, for pages and GraphQL resolvers.</summary>
public interface ICurrentStaff
{
    /// <summary>Null when nobody (or a respondent) is making the request.</summary>
    StaffActor? Actor { get; }
}

/// <summary>Reads <see cref="ICurrentStaff.Actor"/> from the request's authenticated principal.</summary>
public sealed class CurrentStaff(IHttpContextAccessor accessor) : ICurrentStaff
{
    public StaffActor? Actor => accessor.HttpContext is { } context ? StaffClaims.ToActor(context.User) : null;
}

/// <summary>Authorisation policy names.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member (cookie or API token).</summary>
    public const string Staff = "Staff";

    /// <summary>A signed-in administrator.</summary>
    public const string Administrator = "StaffAdministrator";
}

/// <summary>
/// A disabled account may not sign in (checked before the password, so the answer is the same as a
/// wrong one). Passkey sign-in is Identity's assertion followed by the same checks as a password:
/// disabled and locked-out accounts are refused even with a valid passkey.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// Signs in with a passkey. A passkey with user verification (required by our options) is
    /// possession plus a PIN or biometric, and phishing-resistant, so it stands for both factors: no
    /// authenticator-app code is asked for. Unlike the base method, the account must pass the same
    /// checks as a password sign-in (not disabled, not locked out). A missing, expired or already
    /// used ceremony state, or unreadable JSON, is a plain failure, never an exception.
    /// </summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        PasskeyAssertionResult<StaffUser> assertion;
        try
        {
            assertion = await PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            return SignInResult.Failed;
        }

        if (!assertion.Succeeded)
        {
            return SignInResult.Failed;
        }

        var user = assertion.User;
        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        // The new signature count and backup flags, as Identity's own passkey sign-in stores them.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
        {
            return SignInResult.Failed;
        }

        await UserManager.ResetAccessFailedCountAsync(user);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "hwk"), new Claim("amr", "mfa")]);
        return SignInResult.Success;
    }
}
