using CoProduce.Core.Staff;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Staff;

/// <summary>Localised names of roles.</summary>
public static class RoleNames
{
    public static readonly StaffRoles[] Each = [StaffRoles.Administrator, StaffRoles.Commissioner, StaffRoles.Analyst, StaffRoles.Facilitator];

    public static string Name(StaffRoles role, Text text) => text[$"Staff.Role.{role}"];

    public static string Describe(StaffRoles roles, Text text) => string.Join(", ", Each.Where(r => (roles & r) == r).Select(r => Name(r, text)));
}
