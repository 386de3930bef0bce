using CoProduce.Core.Common;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduce.Server.Staff;

/// <summary>
/// One database transaction around an account change made through Identity (on
/// <see cref="StaffIdentityDbContext"/>) and its audit entry (on <see cref="CoProduceDbContext"/>).
/// Both contexts of a request share one connection (see <c>AddStaffIdentityStore</c>), so the
/// transaction begun on one is enlisted in the other: Identity's saves and the audit row are
/// committed together, or rolled back together when either fails.
/// </summary>
public sealed class StaffUnitOfWork(CoProduceDbContext db, StaffIdentityDbContext identity)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, then saves <see cref="CoProduceDbContext"/> (the
    /// audit entries <paramref name="work"/> recorded) and commits when <paramref name="succeeded"/>
    /// says so; otherwise, or on an exception, rolls everything back.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, Func<T, bool> succeeded, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await identity.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        var committed = false;
        try
        {
            var result = await work();
            if (succeeded(result))
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                committed = true;
            }

            return result;
        }
        finally
        {
            await identity.Database.UseTransactionAsync(null, CancellationToken.None);
            if (!committed)
            {
                // Disposing the transaction rolls it back; what the contexts track no longer
                // matches the database, so forget it.
                identity.ChangeTracker.Clear();
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Result> RunAsync(Func<Task<Result>> work, CancellationToken ct = default) =>
        RunAsync(work, r => r.IsSuccess, ct);

    public Task<Result<T>> RunAsync<T>(Func<Task<Result<T>>> work, CancellationToken ct = default) =>
        RunAsync(work, r => r.IsSuccess, ct);
}
