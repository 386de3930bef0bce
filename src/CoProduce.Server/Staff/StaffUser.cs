using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace CoProduce.Server.Staff;

/// <summary>
/// A staff account (ASP.NET Core Identity; never used for respondents). Belongs to one organisation
/// and holds one or more <see cref="StaffRoles"/>.
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    public StaffRoles Roles { get; set; }

    /// <summary>A disabled account cannot sign in and its API tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator reset the password: the temporary one must be changed at next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public StaffActor ToActor() => new(new StaffUserId(Id), new OrganisationId(OrganisationId), Roles, DisplayName);
}
