using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// Decides when queued data loader keys are sent to their batch functions: when the execution work that could run
/// has run. The executor marks each stretch of synchronous work it does (the start of the request, and every
/// continuation after an asynchronous resolver) as a segment; when the last running segment ends, every loader
/// with queued keys dispatches. Keys queued outside any segment (from a resolver's own continuation) dispatch
/// from the thread pool instead.
/// </summary>
public sealed class DataLoaderScheduler
{
    internal const string ItemsKey = "CoProduce.GraphQL.DataLoaderScheduler";

    private List<IDispatchable>? _pending;
    private int _active;

    internal void Enter() => Interlocked.Increment(ref _active);

    internal void Leave()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            DispatchAll();
        }
    }

    internal void Enqueue(IDispatchable loader)
    {
        lock (this)
        {
            (_pending ??= []).Add(loader);
        }

        if (Volatile.Read(ref _active) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((DataLoaderScheduler)s!).RunSegment(), this);
        }
    }

    /// <summary>Runs <paramref name="action"/> as a segment (so loads it queues are batched together).</summary>
    internal void RunSegment(Action action)
    {
        Enter();
        try
        {
            action();
        }
        finally
        {
            Leave();
        }
    }

    private void RunSegment()
    {
        Enter();
        Leave();
    }

    private void DispatchAll()
    {
        while (true)
        {
            // Without any data loader in the request this is one volatile read.
            if (Volatile.Read(ref _pending) is null)
            {
                return;
            }

            List<IDispatchable> batch;
            lock (this)
            {
                if (_pending is not { Count: > 0 })
                {
                    return;
                }

                batch = _pending;
                _pending = null;
            }

            foreach (var loader in batch)
            {
                loader.Dispatch();
            }
        }
    }
}

internal interface IDispatchable
{
    void Dispatch();
}

/// <summary>
/// Batches and caches loads of <typeparamref name="TValue"/> by key for one request, so that N sibling resolvers
/// asking for N keys cause one call to the batch function. Keys the batch function does not return load as default.
/// Get one per request with <see cref="DataLoaderExtensions.GetDataLoader{TKey, TValue}"/>.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDispatchable
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly DataLoaderScheduler? _scheduler;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxBatchSize;
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Task<TValue?>> _cache = [];
    private List<(TKey Key, TaskCompletionSource<TValue?> Completion)> _queue = [];
    private int _batchCount;
    private int _holding;
    private bool _scheduled;

    public DataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        DataLoaderScheduler? scheduler = null,
        int maxBatchSize = 0,
        CancellationToken cancellationToken = default)
    {
        _batch = batch;
        _scheduler = scheduler;
        _maxBatchSize = maxBatchSize;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How many times the batch function has been called.</summary>
    public int BatchCount => Volatile.Read(ref _batchCount);

    /// <summary>The value for <paramref name="key"/>: from this request's cache, or from the next batch.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool schedule;
        Task<TValue?> task;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var completion = new TaskCompletionSource<TValue?>(TaskCreationOptions.None);
            task = completion.Task;
            _cache[key] = task;
            _queue.Add((key, completion));
            schedule = !_scheduled && _holding == 0;
            _scheduled |= schedule;
        }

        if (schedule)
        {
            ScheduleDispatch();
        }

        return task;
    }

    /// <summary>The values for several keys, in the order of the keys (queued together, so they share a batch).</summary>
    public async Task<TValue?[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        Task<TValue?>[] tasks;
        lock (_lock)
        {
            _holding++;
        }

        try
        {
            tasks = keys.Select(LoadAsync).ToArray();
        }
        finally
        {
            bool schedule;
            lock (_lock)
            {
                _holding--;
                schedule = _holding == 0 && !_scheduled && _queue.Count > 0;
                _scheduled |= schedule;
            }

            if (schedule)
            {
                ScheduleDispatch();
            }
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private void ScheduleDispatch()
    {
        if (_scheduler is not null)
        {
            _scheduler.Enqueue(this);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((DataLoader<TKey, TValue>)s!).Dispatch(), this);
        }
    }

    /// <summary>Puts a known value in the cache (no effect when the key is already cached).</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_lock)
        {
            _cache.TryAdd(key, Task.FromResult<TValue?>(value));
        }
    }

    /// <summary>Forgets a cached key (after a mutation changed it).</summary>
    public void Clear(TKey key)
    {
        lock (_lock)
        {
            _cache.Remove(key);
        }
    }

    void IDispatchable.Dispatch() => Dispatch();

    private void Dispatch()
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Completion)> queue;
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _scheduled = false;
                return;
            }

            queue = _queue;
            _queue = [];
            _scheduled = false;
        }

        var size = _maxBatchSize > 0 ? _maxBatchSize : queue.Count;
        for (var start = 0; start < queue.Count; start += size)
        {
            _ = RunBatchAsync(queue.GetRange(start, Math.Min(size, queue.Count - start)));
        }
    }

    private async Task RunBatchAsync(List<(TKey Key, TaskCompletionSource<TValue?> Completion)> entries)
    {
        IReadOnlyDictionary<TKey, TValue>? values = null;
        Exception? failure = null;
        try
        {
            Interlocked.Increment(ref _batchCount);
            var keys = entries.ConvertAll(e => e.Key);
            values = await _batch(keys, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        void Complete()
        {
            foreach (var (key, completion) in entries)
            {
                if (failure is not null)
                {
                    completion.TrySetException(failure);
                }
                else
                {
                    completion.TrySetResult(values!.TryGetValue(key, out var value) ? value : default); // values is set when failure is null
                }
            }
        }

        // Completing the loads resumes the waiting resolvers inline; as one segment, the loads they queue batch together.
        if (_scheduler is not null)
        {
            _scheduler.RunSegment(Complete);
        }
        else
        {
            Complete();
        }
    }
}

/// <summary>Getting per-request data loaders from a resolver.</summary>
public static class DataLoaderExtensions
{
    /// <summary>
    /// The request's data loader called <paramref name="name"/>, created with <paramref name="batch"/> on first use.
    /// It lives in <see cref="IResolveFieldContext.Items"/>, so it batches and caches for this request only.
    /// </summary>
    public static DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(
        this IResolveFieldContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull
    {
        var items = context.Items;
        var key = "CoProduce.GraphQL.DataLoader:" + name;
        lock (items)
        {
            if (items.TryGetValue(key, out var existing) && existing is DataLoader<TKey, TValue> loader)
            {
                return loader;
            }

            var scheduler = items.TryGetValue(DataLoaderScheduler.ItemsKey, out var s) ? s as DataLoaderScheduler : null;
            loader = new DataLoader<TKey, TValue>(batch, scheduler, cancellationToken: context.CancellationToken);
            items[key] = loader;
            return loader;
        }
    }
}

/// <summary>
/// Awaits a resolver's pending result and resumes the executor inside a scheduler segment, so loads queued by the
/// code that runs on resumption are batched.
/// </summary>
internal readonly struct SegmentAwaitable(ValueTask<object?> task, DataLoaderScheduler scheduler) : ICriticalNotifyCompletion
{
    public SegmentAwaitable GetAwaiter() => this;

    public bool IsCompleted => task.IsCompleted;

    public object? GetResult() => task.GetAwaiter().GetResult();

    public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

    public void UnsafeOnCompleted(Action continuation)
    {
        var s = scheduler;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => s.RunSegment(continuation));
    }
}
