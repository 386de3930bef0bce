using CoProduce.Core.Common;
using CoProduce.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace CoProduce.Server.Staff;

/// <summary>
/// A staff member's own authenticator-app two-factor settings: turn on (with a code from the app),
/// replace the recovery codes, turn off. Each change and its audit entry are one transaction
/// (<see cref="StaffUnitOfWork"/>). Called by <c>/staff/account/two-factor</c>.
/// </summary>
public sealed class StaffTwoFactor(UserManager<StaffUser> users, IAuditLog audit, StaffUnitOfWork unit)
{
    public const int RecoveryCodeCount = 10;

    /// <returns>The new recovery codes, to show once.</returns>
    public async Task<Result<IReadOnlyList<string>>> EnableAsync(StaffUser user, string code, CancellationToken ct = default)
    {
        code = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = code.Length is > 0 and <= 10
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            return new Error("Staff.SignIn.TwoFactor.Failed", "code");
        }

        return await unit.RunAsync<IReadOnlyList<string>>(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await Audit(user, AuditActions.StaffUserTwoFactorEnable, ct);
            return codes;
        }, ct);
    }

    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(StaffUser user, CancellationToken ct = default) =>
        await unit.RunAsync<IReadOnlyList<string>>(async () =>
        {
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await Audit(user, AuditActions.StaffUserRecoveryCodes, ct);
            return codes;
        }, ct);

    public Task<Result> DisableAsync(StaffUser user, CancellationToken ct = default) =>
        unit.RunAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await Audit(user, AuditActions.StaffUserTwoFactorDisable, ct);
            return Result.Success();
        }, ct);

    private Task Audit(StaffUser user, string action, CancellationToken ct) =>
        audit.RecordAsync(user.ToActor(), action, AuditActions.SubjectStaffUser, new StaffUserId(user.Id).ToString(), ct);
}
