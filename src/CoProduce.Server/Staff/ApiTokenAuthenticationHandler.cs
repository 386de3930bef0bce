using System.Security.Claims;
using System.Text.Encodings.Web;
using CoProduce.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Staff;

/// <summary>
/// Scheme <c>ApiToken</c>: <c>Authorization: Bearer &lt;token&gt;</c> issued on the API tokens page.
/// Yields the same claims as the cookie sign-in. Revoked tokens and disabled accounts fail.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiToken authenticate,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var userId = await authenticate.HandleAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (userId.IsFailure)
        {
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var user = await users.FindByIdAsync(userId.Value.Value.ToString());
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
