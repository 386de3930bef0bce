using System.Globalization;
using System.Security.Claims;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;

namespace CoProduce.Server.Api;

/// <summary>
/// Reads the staff actor from an authenticated principal (the claims the staff sign-in and the <c>ApiToken</c>
/// scheme issue). TEMPORARY: mirrors the staff branch's <c>StaffClaims.ToActor</c> until that lands; replace every
/// use with it then and delete this file.
/// </summary>
internal static class StaffPrincipal
{
    public const string ApiTokenScheme = "ApiToken";

    public static StaffActor? ToActor(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user)
            || !Guid.TryParse(principal.FindFirstValue("coproduce:organisation"), out var organisation)
            || !int.TryParse(principal.FindFirstValue("coproduce:roles"), NumberStyles.None, CultureInfo.InvariantCulture, out var roles))
        {
            return null;
        }

        return new StaffActor(new StaffUserId(user), new OrganisationId(organisation), (StaffRoles)roles, principal.FindFirstValue("coproduce:display-name") ?? "");
    }
}
