using System.Globalization;
using CoProduce.Core.Common;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoProduce.Server.Hubs;

/// <summary>
/// Around every call to the workshop hub: the caller's language for messages, and a per-connection
/// token bucket (too many messages → an error to that client only; nothing is done). Exceptions from
/// a call reach only the caller (SignalR's own rule), and are logged without who sent them.
/// </summary>
public sealed partial class WorkshopHubFilter(IOptions<WorkshopHubOptions> options, TimeProvider time, ILogger<WorkshopHubFilter> logger) : IHubFilter
{
    public const string CultureItem = "culture";
    private const string BucketItem = "bucket";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var culture = context.Items.TryGetValue(CultureItem, out var c) && c is CultureInfo ci ? ci : Cultures.English;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        var bucket = (TokenBucket)context.Items.GetOrAdd(BucketItem, () => new TokenBucket(options.Value.BurstLimit, options.Value.MessagesPerSecond, time));
        if (!bucket.TryTake())
        {
            var text = invocationContext.ServiceProvider.GetRequiredService<Text>();
            throw new HubException(text[ErrorCodes.HubTooManyMessages]);
        }

        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            LogFailed(logger, invocationContext.HubMethodName, exception);
            var text = invocationContext.ServiceProvider.GetRequiredService<Text>();
            throw new HubException(text[ErrorCodes.HubMessageRejected]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop hub method {Method} failed.")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);

    private sealed class TokenBucket(int capacity, double perSecond, TimeProvider time)
    {
        private readonly Lock _gate = new();
        private double _tokens = capacity;
        private long _last = time.GetTimestamp();

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
                _last = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens--;
                return true;
            }
        }
    }
}

internal static class ItemsExtensions
{
    public static object GetOrAdd(this IDictionary<object, object?> items, object key, Func<object> create)
    {
        if (items.TryGetValue(key, out var value) && value is not null)
        {
            return value;
        }

        var created = create();
        items[key] = created;
        return created;
    }
}
