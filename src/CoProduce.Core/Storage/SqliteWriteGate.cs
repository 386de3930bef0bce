using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduce.Core.Storage;

/// <summary>
/// SQLite has one write lock per database. Writers that collide get SQLITE_BUSY, and
/// Microsoft.Data.Sqlite retries with blocking sleeps until the command timeout: under load most
/// time went to sleeping threads and few writes finished. This gate makes writers in this process
/// queue for the lock without blocking a thread: a context takes it before a transaction begins
/// (Microsoft.Data.Sqlite begins them IMMEDIATE, so each is a writer), before SaveChanges, and before
/// a write command outside a transaction; it gives it back when the transaction ends, SaveChanges
/// ends outside a transaction, the command has run, or the connection closes. Readers never wait.
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _lock = new(1, 1);

    // Which contexts hold the lock now. A context is used by one flow at a time.
    private readonly ConditionalWeakTable<DbContext, Lease> _leases = [];

    private SqliteWriteGate()
    {
    }

    /// <summary>One gate per database file, shared by every context in the process.</summary>
    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(eventData.Context, LeaseKind.Transaction, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Acquire(eventData.Context, LeaseKind.Transaction);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed start leaves no transaction to end later; a failed commit or rollback is followed
        // by disposal, which closes the connection.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Release(eventData.Context);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(eventData.Context, LeaseKind.SaveChanges, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Acquire(eventData.Context, LeaseKind.SaveChanges);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReleaseIf(eventData.Context, LeaseKind.SaveChanges);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.SaveChanges);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ReleaseIf(eventData.Context, LeaseKind.SaveChanges);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.SaveChanges);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => ReleaseIf(eventData.Context, LeaseKind.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.SaveChanges);
        return Task.CompletedTask;
    }

    // ExecuteUpdate/ExecuteDelete and raw SQL outside a transaction and SaveChanges.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsUnguardedWrite(command, eventData.Context))
        {
            await AcquireAsync(eventData.Context, LeaseKind.Command, cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsUnguardedWrite(command, eventData.Context))
        {
            Acquire(eventData.Context, LeaseKind.Command);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseIf(eventData.Context, LeaseKind.Command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.Command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseIf(eventData.Context, LeaseKind.Command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.Command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseIf(eventData.Context, LeaseKind.Command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIf(eventData.Context, LeaseKind.Command);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception on the way) is rolled back by
    // SQLite when EF closes the connection; the lock goes back then.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool IsUnguardedWrite(DbCommand command, DbContext? context) =>
        context is not null
        && command.Transaction is null
        && context.Database.CurrentTransaction is null
        && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private async ValueTask AcquireAsync(DbContext? context, LeaseKind kind, CancellationToken cancellationToken)
    {
        if (context is null || _leases.TryGetValue(context, out _))
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        _leases.AddOrUpdate(context, new Lease(kind));
    }

    private void Acquire(DbContext? context, LeaseKind kind)
    {
        if (context is null || _leases.TryGetValue(context, out _))
        {
            return;
        }

        _lock.Wait();
        _leases.AddOrUpdate(context, new Lease(kind));
    }

    /// <summary>Gives the lock back if the context took it for this kind of write.</summary>
    private void ReleaseIf(DbContext? context, LeaseKind kind)
    {
        if (context is not null && _leases.TryGetValue(context, out var lease) && lease.Kind == kind)
        {
            Release(context);
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _leases.Remove(context))
        {
            _lock.Release();
        }
    }

    private enum LeaseKind
    {
        Transaction,
        SaveChanges,
        Command,
    }

    private sealed record Lease(LeaseKind Kind);
}
