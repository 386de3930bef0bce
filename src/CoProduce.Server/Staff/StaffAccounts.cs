using System.Net.Mail;
using CoProduce.Core.Common;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Staff;

public sealed record CreateStaffUserRequest(string Email, string DisplayName, OrganisationId OrganisationId, StaffRoles Roles);

/// <summary>A staff account as administrators see it in lists.</summary>
public sealed record StaffUserSummary(StaffUserId Id, string Email, string DisplayName, OrganisationId OrganisationId, StaffRoles Roles, bool IsDisabled, bool TwoFactorEnabled, bool IsLockedOut);

/// <summary>
/// Administrators' use cases for staff accounts (Identity lives in the host, so these do too): create
/// with roles and an organisation, disable and enable, reset the password to a one-time temporary
/// one, change roles. Each is recorded in the audit log in the same transaction as the change
/// (<see cref="StaffUnitOfWork"/>). Called by the admin pages and by commands.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, CoProduceDbContext db, IAuditLog audit, StaffUnitOfWork unit, TimeProvider time)
{
    public const int MaxDisplayNameLength = 200;

    /// <returns>The new account's id and its temporary password (shown once).</returns>
    public async Task<Result<(StaffUserId Id, string TemporaryPassword)>> CreateAsync(StaffActor? actor, CreateStaffUserRequest request, string? password = null, CancellationToken ct = default)
    {
        if (actor is not null && !actor.Has(StaffRoles.Administrator))
        {
            return new Error(ErrorCodes.Forbidden);
        }

        var errors = new List<Error>();
        var email = request.Email.Trim();
        var displayName = request.DisplayName.Trim();
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            errors.Add(new Error(ErrorCodes.StaffEmailInvalid, "email"));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new Error(ErrorCodes.StaffEmailTaken, "email"));
        }

        if (displayName.Length == 0 || displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new Error(ErrorCodes.StaffDisplayNameRequired, "display-name", [MaxDisplayNameLength]));
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, ct))
        {
            errors.Add(new Error(ErrorCodes.StaffOrganisationRequired, "organisation"));
        }

        if (request.Roles == StaffRoles.None || (request.Roles & ~AllRoles) != 0)
        {
            errors.Add(new Error(ErrorCodes.StaffRolesRequired, "roles"));
        }

        if (errors.Count > 0)
        {
            return Result<(StaffUserId, string)>.Failure(errors);
        }

        var temporary = password is null;
        password ??= TemporaryPassword.Generate();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganisationId = request.OrganisationId.Value,
            Roles = request.Roles,
            MustChangePassword = temporary,
            LockoutEnabled = true,
        };
        return await unit.RunAsync<(StaffUserId, string)>(async () =>
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return Result<(StaffUserId, string)>.Failure(IdentityErrors(created));
            }

            var id = new StaffUserId(user.Id);
            await audit.RecordAsync(actor ?? user.ToActor(), AuditActions.StaffUserCreate, AuditActions.SubjectStaffUser, id.ToString(), ct);
            return (id, password);
        }, ct);
    }

    public async Task<IReadOnlyList<StaffUserSummary>> ListAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var list = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        return list.Select(u => Summary(u, now)).ToList();
    }

    public async Task<StaffUserSummary?> FindAsync(StaffUserId id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.Value.ToString());
        return user is null ? null : Summary(user, time.GetUtcNow());
    }

    /// <summary>Disables or re-enables an account; a disabled one cannot sign in and its API tokens fail.</summary>
    public async Task<Result> SetDisabledAsync(StaffActor actor, StaffUserId id, bool disabled, CancellationToken ct = default)
    {
        var (user, refusal) = await FindForAdministratorAsync(actor, id);
        if (user is null)
        {
            return refusal!;
        }

        if (disabled && user.Id == actor.UserId.Value)
        {
            return new Error(ErrorCodes.StaffCannotDisableSelf);
        }

        return await unit.RunAsync(async () =>
        {
            user.IsDisabled = disabled;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Result.Failure(IdentityErrors(updated));
            }

            // A new security stamp signs the person out everywhere at the next cookie check.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(actor, disabled ? AuditActions.StaffUserDisable : AuditActions.StaffUserEnable, AuditActions.SubjectStaffUser, id.ToString(), ct);
            return Result.Success();
        }, ct);
    }

    /// <summary>Replaces the password with a temporary one the person must change at their next sign-in; unlocks the account.</summary>
    public async Task<Result<string>> ResetPasswordAsync(StaffActor actor, StaffUserId id, CancellationToken ct = default)
    {
        var (user, refusal) = await FindForAdministratorAsync(actor, id);
        if (user is null)
        {
            return refusal!;
        }

        var password = TemporaryPassword.Generate();
        return await unit.RunAsync<string>(async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return Result<string>.Failure(IdentityErrors(reset));
            }

            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(actor, AuditActions.StaffUserResetPassword, AuditActions.SubjectStaffUser, id.ToString(), ct);
            return password;
        }, ct);
    }

    public async Task<Result> SetRolesAsync(StaffActor actor, StaffUserId id, StaffRoles roles, CancellationToken ct = default)
    {
        var (user, refusal) = await FindForAdministratorAsync(actor, id);
        if (user is null)
        {
            return refusal!;
        }

        if (roles == StaffRoles.None || (roles & ~AllRoles) != 0)
        {
            return new Error(ErrorCodes.StaffRolesRequired, "roles");
        }

        return await unit.RunAsync(async () =>
        {
            user.Roles = roles;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Result.Failure(IdentityErrors(updated));
            }

            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(actor, AuditActions.StaffUserRoles, AuditActions.SubjectStaffUser, id.ToString(), ct);
            return Result.Success();
        }, ct);
    }

    private const StaffRoles AllRoles = StaffRoles.Administrator | StaffRoles.Commissioner | StaffRoles.Analyst | StaffRoles.Facilitator;

    private async Task<(StaffUser? User, Error? Refusal)> FindForAdministratorAsync(StaffActor actor, StaffUserId id)
    {
        if (!actor.Has(StaffRoles.Administrator))
        {
            return (null, new Error(ErrorCodes.Forbidden));
        }

        var user = await users.FindByIdAsync(id.Value.ToString());
        return user is null ? (null, new Error(ErrorCodes.NotFound)) : (user, null);
    }

    private static StaffUserSummary Summary(StaffUser u, DateTimeOffset now) =>
        new(new StaffUserId(u.Id), u.Email ?? "", u.DisplayName, new OrganisationId(u.OrganisationId), u.Roles, u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now);

    /// <summary>Identity's own messages are English only; map the ones a person can cause to our codes.</summary>
    private static Error[] IdentityErrors(IdentityResult result) => result.Errors.Select(e => e.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => new Error(ErrorCodes.StaffEmailTaken, "email"),
        "InvalidEmail" or "InvalidUserName" => new Error(ErrorCodes.StaffEmailInvalid, "email"),
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new Error(ErrorCodes.StaffPasswordTooWeak, "password", [12]),
        _ => new Error(ErrorCodes.StaffAccountNotSaved),
    }).Distinct().ToArray();
}
