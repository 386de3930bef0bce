using CoProduce.Core.Common;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Core.Responses;

/// <summary>
/// Withdraws a response with its receipt code: the response is deleted, not flagged. Callers must
/// rate-limit this (the web layer does).
/// </summary>
public sealed class WithdrawResponse(CoProduceDbContext db, SecretHasher hasher, ResponseNotifier notifier)
{
    public async Task<Result> HandleAsync(string receiptCode, CancellationToken cancellationToken = default)
    {
        var code = SecretCode.Parse(receiptCode);
        if (code is null)
        {
            return new Error(ErrorCodes.CodeMalformed, "receiptCode");
        }

        var hash = hasher.Hash(code, SecretPurpose.Receipt);
        var consultationId = await db.Responses.Where(r => r.ReceiptCodeHash == hash).Select(r => (Consultations.ConsultationId?)r.ConsultationId).FirstOrDefaultAsync(cancellationToken);
        var deleted = await db.Responses.Where(r => r.ReceiptCodeHash == hash).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0 || consultationId is not { } withdrawnFrom)
        {
            return new Error(ErrorCodes.ReceiptCodeNotFound, "receiptCode");
        }

        notifier.Changed(withdrawnFrom);
        return Result.Success();
    }
}
