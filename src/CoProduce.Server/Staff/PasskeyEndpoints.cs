using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The two JSON endpoints the passkey script (<c>wwwroot/js/passkeys.js</c>) calls before the
/// browser's WebAuthn prompt. Each answers the options JSON Identity makes and keeps the ceremony's
/// state in the encrypted two-factor cookie. POST only, with the antiforgery token in the
/// <c>X-CSRF-TOKEN</c> header, rate-limited per client (<see cref="RateLimitPolicies.Passkey"/>).
/// The credential itself comes back through an ordinary form post to the page, which verifies it.
/// </summary>
public static class PasskeyEndpoints
{
    public const string RequestOptionsPath = "/staff/passkeys/request-options";
    public const string CreationOptionsPath = "/staff/passkeys/creation-options";

    public static WebApplication MapStaffPasskeys(this WebApplication app)
    {
        // Sign-in: any discoverable passkey of this site (the person need not type their email first).
        app.MapPost(RequestOptionsPath, async (StaffSignInManager signIn) =>
                Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json"))
            .AllowAnonymous()
            .AddEndpointFilter(RequireAntiforgeryToken)
            .RequireRateLimiting(RateLimitPolicies.Passkey);

        // Adding a passkey: only a staff member signed in with the cookie (never an API token).
        app.MapPost(CreationOptionsPath, async (HttpContext context, UserManager<StaffUser> users, StaffPasskeys passkeys) =>
                await users.GetUserAsync(context.User) is { } user
                    ? Results.Content(await passkeys.CreationOptionsAsync(user), "application/json")
                    : Results.Forbid())
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Staff) { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .AddEndpointFilter(RequireAntiforgeryToken)
            .RequireRateLimiting(RateLimitPolicies.Passkey);
        return app;
    }

    /// <summary>
    /// The antiforgery middleware checks form posts only; these requests have no form, so the token
    /// in the header is checked here. Without it: 400, and no ceremony state is created.
    /// </summary>
    private static async ValueTask<object?> RequireAntiforgeryToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext)
            ? await next(context)
            : Results.BadRequest();
}
