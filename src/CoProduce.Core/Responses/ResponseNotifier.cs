using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CoProduce.Core.Consultations;

namespace CoProduce.Core.Responses;

/// <summary>
/// Tells listeners in this process that the responses of a consultation changed (one was submitted,
/// keyed in, withdrawn or deleted). Raised only after the change is committed, and carrying nothing but
/// the consultation: listeners read what they need (a count) themselves. Signals to one listener
/// coalesce while it is busy, so a slow listener never holds up a submission or builds a backlog.
/// </summary>
public sealed class ResponseNotifier
{
    private readonly ConcurrentDictionary<ConsultationId, ConcurrentDictionary<Channel<bool>, byte>> _listeners = new();

    /// <summary>Signal that the responses of <paramref name="consultationId"/> changed (after the commit).</summary>
    public void Changed(ConsultationId consultationId)
    {
        if (!_listeners.TryGetValue(consultationId, out var channels))
        {
            return;
        }

        foreach (var channel in channels.Keys)
        {
            channel.Writer.TryWrite(true);
        }
    }

    /// <summary>One item per change (coalesced while the caller is busy), until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ConsultationId> ListenAsync(
        ConsultationId consultationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Capacity one, dropping writes while full: many changes while the listener works become one.
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        var channels = _listeners.GetOrAdd(consultationId, _ => new());
        channels[channel] = 0;
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                channel.Reader.TryRead(out _);
                yield return consultationId;
            }
        }
        finally
        {
            channels.TryRemove(channel, out _);
        }
    }

    /// <summary>How many listeners a consultation has (for tests and diagnostics).</summary>
    public int ListenerCount(ConsultationId consultationId) =>
        _listeners.TryGetValue(consultationId, out var channels) ? channels.Count : 0;
}
