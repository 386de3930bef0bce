using System.Buffers.Text;
using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace CoProduce.Server.Staff;

/// <summary>One of a staff member's passkeys as their account page lists it.</summary>
public sealed record StaffPasskeySummary(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// A staff member's own passkeys (WebAuthn, through .NET Identity): the options for the browser's
/// <c>navigator.credentials.create()</c>, then add the credential it returns under a name; list,
/// rename and remove. Each change is audited in the same transaction (<see cref="StaffUnitOfWork"/>).
/// Called by the account page (<c>/staff/account/passkeys</c>) and the options endpoint.
/// </summary>
public sealed class StaffPasskeys(UserManager<StaffUser> users, StaffSignInManager signIn, IAuditLog audit, StaffUnitOfWork unit)
{
    public const int MaxNameLength = 100;

    /// <summary>More than enough for a person's devices; keeps the list and the exclusion list small.</summary>
    public const int MaxPasskeys = 20;

    /// <summary>A WebAuthn credential serialised as JSON is a few kilobytes at most.</summary>
    public const int MaxCredentialJsonLength = 64 * 1024;

    public async Task<IReadOnlyList<StaffPasskeySummary>> ListAsync(StaffUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        return passkeys.OrderBy(p => p.CreatedAt)
            .Select(p => new StaffPasskeySummary(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "", p.CreatedAt))
            .ToList();
    }

    /// <summary>
    /// The JSON for <c>navigator.credentials.create()</c>; Identity keeps the ceremony's state in the
    /// short-lived, encrypted two-factor cookie until <see cref="AddAsync"/> reads it (once).
    /// </summary>
    public Task<string> CreationOptionsAsync(StaffUser user) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });

    public async Task<Result> AddAsync(StaffUser user, string name, string credentialJson, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return new Error(ErrorCodes.StaffPasskeyNameRequired, "passkey-name", [MaxNameLength]);
        }

        if (credentialJson.Length == 0 || credentialJson.Length > MaxCredentialJsonLength)
        {
            return new Error(ErrorCodes.StaffPasskeyNotAdded);
        }

        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
        {
            return new Error(ErrorCodes.StaffPasskeyLimit, null, [MaxPasskeys]);
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            // No ceremony under way (expired, already used, other browser) or unreadable JSON.
            return new Error(ErrorCodes.StaffPasskeyNotAdded);
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id.ToString())
        {
            return new Error(ErrorCodes.StaffPasskeyNotAdded);
        }

        var passkey = attestation.Passkey;
        passkey.Name = name;
        return await unit.RunAsync(async () =>
        {
            var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (!added.Succeeded)
            {
                return Result.Failure(new Error(ErrorCodes.StaffPasskeyNotAdded));
            }

            await audit.RecordAsync(user.ToActor(), AuditActions.StaffUserPasskeyAdd, AuditActions.SubjectStaffUser, new StaffUserId(user.Id).ToString(), ct);
            return Result.Success();
        }, ct);
    }

    public async Task<Result> RenameAsync(StaffUser user, string id, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        var passkey = await FindAsync(user, id);
        if (passkey is null)
        {
            return new Error(ErrorCodes.NotFound);
        }

        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return new Error(ErrorCodes.StaffPasskeyNameRequired, "new-name", [MaxNameLength]);
        }

        passkey.Name = name;
        return await unit.RunAsync(async () =>
        {
            var updated = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (!updated.Succeeded)
            {
                return Result.Failure(new Error(ErrorCodes.StaffAccountNotSaved));
            }

            await audit.RecordAsync(user.ToActor(), AuditActions.StaffUserPasskeyRename, AuditActions.SubjectStaffUser, new StaffUserId(user.Id).ToString(), ct);
            return Result.Success();
        }, ct);
    }

    public async Task<Result> RemoveAsync(StaffUser user, string id, CancellationToken ct = default)
    {
        var passkey = await FindAsync(user, id);
        if (passkey is null)
        {
            return new Error(ErrorCodes.NotFound);
        }

        return await unit.RunAsync(async () =>
        {
            var removed = await users.RemovePasskeyAsync(user, passkey.CredentialId);
            if (!removed.Succeeded)
            {
                return Result.Failure(new Error(ErrorCodes.StaffAccountNotSaved));
            }

            await audit.RecordAsync(user.ToActor(), AuditActions.StaffUserPasskeyRemove, AuditActions.SubjectStaffUser, new StaffUserId(user.Id).ToString(), ct);
            return Result.Success();
        }, ct);
    }

    /// <summary>Only among the person's own passkeys: someone else's id is simply not found.</summary>
    private async Task<UserPasskeyInfo?> FindAsync(StaffUser user, string id)
    {
        if (id.Length == 0 || id.Length > 2048 || !Base64Url.IsValid(id))
        {
            return null;
        }

        return await users.GetPasskeyAsync(user, Base64Url.DecodeFromChars(id));
    }
}
