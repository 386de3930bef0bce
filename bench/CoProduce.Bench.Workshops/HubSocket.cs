using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CoProduce.Bench.Workshops;

/// <summary>
/// One raw client of the SignalR JSON hub protocol over one <see cref="ClientWebSocket"/>, lean on CPU and
/// memory for thousands per process: no negotiation (WebSockets only), a fixed receive buffer, server
/// messages read in place with <see cref="Utf8JsonReader"/> (only the fields the benchmark needs), and
/// votes written into a reused send buffer. Not a general client: it expects at most one vote in flight.
/// Protocol: https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/HubProtocol.md
/// </summary>
public sealed class HubSocket(int index, int maxVotes) : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly byte[] _send = new byte[1024];
    private byte[] _receive = new byte[2048];
    private int _received;

    public int Index { get; } = index;

    /// <summary>Per vote number (the invocation id): when it was sent, when and how it was answered.</summary>
    public long[] SentAt { get; } = new long[maxVotes];

    public long[] AnsweredAt { get; } = new long[maxVotes];

    /// <summary>The tally sequence that includes the vote; 0 = refused or not answered.</summary>
    public long[] Sequence { get; } = new long[maxVotes];

    public byte[] Ballot { get; } = new byte[maxVotes];

    public int VotesSent { get; private set; }

    public int Refused { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Tallies received: their sequence (increasing; older ones are skipped) and arrival time.</summary>
    public List<long> TallySequence { get; } = new(256);

    public List<long> TallyAt { get; } = new(256);

    public long TallyMessages { get; private set; }

    public long Messages { get; private set; }

    public long LastSentAt { get; private set; }

    public string? ClosedWith { get; private set; }

    /// <summary>The last vote sent is still waiting for its answer.</summary>
    public bool AwaitingAnswer => VotesSent > 0 && AnsweredAt[VotesSent - 1] == 0;

    /// <summary>The answer to the last non-vote call (Enter): ok or its error.</summary>
    public TaskCompletionSource<string?>? Call { get; private set; }

    public async Task ConnectAsync(Uri hub, HttpMessageInvoker invoker, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings instead
        _socket.Options.SetBuffer(1024, 1024);
        foreach (var (name, value) in headers)
        {
            _socket.Options.SetRequestHeader(name, value);
        }

        await _socket.ConnectAsync(hub, invoker, cancellationToken);
        LastSentAt = Stopwatch.GetTimestamp();
        await SendAsync(Handshake, cancellationToken);
        var (count, _) = await ReadRecordAsync(cancellationToken);
        var handshake = Encoding.UTF8.GetString(_receive, 0, count);
        if (handshake.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new WebSocketException("Handshake refused: " + handshake);
        }

        Consume(count + 1);
        Connected = true;
    }

    public bool Connected { get; private set; }

    /// <summary>Calls a method without arguments (invocation id "e") and waits for its answer.</summary>
    public async Task<string?> InvokeAsync(string method, CancellationToken cancellationToken)
    {
        Call = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"e\",\"target\":\"{method}\",\"arguments\":[]}}\u001e"), cancellationToken);
        return await Call.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>Sends vote number <see cref="VotesSent"/> with the given ballot (choices already JSON).</summary>
    public async Task VoteAsync(byte[] prefix, byte[] ballotJson, byte ballot, CancellationToken cancellationToken)
    {
        var number = VotesSent;
        if (number >= SentAt.Length)
        {
            return;
        }

        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            // {"type":1,"invocationId":"N","target":"Vote","arguments":[{"activityId":"…","choices":[…]}]}␞
            var span = _send.AsSpan();
            var length = Write(span, "{\"type\":1,\"invocationId\":\""u8);
            Utf8Formatter.TryFormat(number, span[length..], out var written);
            length += written;
            length += Write(span[length..], prefix);
            length += Write(span[length..], ballotJson);
            length += Write(span[length..], "]}]}\u001e"u8);
            Ballot[number] = ballot;
            SentAt[number] = Stopwatch.GetTimestamp();
            LastSentAt = SentAt[number];
            VotesSent = number + 1;
            await _socket.SendAsync(_send.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken)
    {
        LastSentAt = Stopwatch.GetTimestamp();
        return SendAsync(Ping, cancellationToken);
    }

    /// <summary>Reads server messages until the socket closes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var (count, _) = await ReadRecordAsync(cancellationToken);
                if (count < 0)
                {
                    ClosedWith ??= "socket closed";
                    return;
                }

                Handle(_receive.AsSpan(0, count), Stopwatch.GetTimestamp());
                Consume(count + 1);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            ClosedWith ??= cancellationToken.IsCancellationRequested ? null : exception.Message;
        }
        finally
        {
            Call?.TrySetResult("connection closed: " + ClosedWith);
        }
    }

    private static int Write(Span<byte> target, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target);
        return bytes.Length;
    }

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>The length of the next record (before its separator) at the start of the buffer, or -1 when closed.</summary>
    private async Task<(int Count, bool Closed)> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _receive.AsSpan(0, _received).IndexOf(RecordSeparator);
            if (end >= 0)
            {
                return (end, false);
            }

            if (_received == _receive.Length)
            {
                Array.Resize(ref _receive, _receive.Length * 2);
            }

            var result = await _socket.ReceiveAsync(_receive.AsMemory(_received), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (-1, true);
            }

            _received += result.Count;
        }
    }

    private void Consume(int count)
    {
        _received -= count;
        if (_received > 0)
        {
            Buffer.BlockCopy(_receive, count, _receive, 0, _received);
        }
    }

    /// <summary>
    /// Reads type, target, invocationId, and anywhere inside: sequence, ok, error. Invocations of
    /// <c>Tally</c> record their sequence; completions record the vote's answer.
    /// </summary>
    private void Handle(ReadOnlySpan<byte> record, long now)
    {
        Messages++;
        var reader = new Utf8JsonReader(record);
        int type = 0;
        long sequence = 0;
        bool ok = false, tally = false, failed = false;
        int? invocation = null;
        var isCall = false;
        string? error = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("type"u8) && reader.CurrentDepth == 1)
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8) && reader.CurrentDepth == 1)
            {
                reader.Read();
                tally = reader.ValueTextEquals("Tally"u8);
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                if (reader.ValueTextEquals("e"u8))
                {
                    isCall = true;
                }
                else if (Utf8Parser.TryParse(reader.ValueSpan, out int id, out _))
                {
                    invocation = id;
                }
            }
            else if (reader.ValueTextEquals("sequence"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    sequence = reader.GetInt64();
                }
            }
            else if (reader.ValueTextEquals("ok"u8))
            {
                reader.Read();
                ok = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    failed = true;
                    error = reader.GetString();
                }
            }
        }

        switch (type)
        {
            case 1 when tally:
                TallyMessages++;
                if (TallySequence.Count == 0 || sequence > TallySequence[^1])
                {
                    TallySequence.Add(sequence);
                    TallyAt.Add(now);
                }

                break;
            case 3 when isCall:
                Call?.TrySetResult(ok && !failed ? null : error ?? "refused");
                break;
            case 3 when invocation is { } number && number >= 0 && number < AnsweredAt.Length:
                AnsweredAt[number] = now;
                if (ok && !failed && sequence > 0)
                {
                    Sequence[number] = sequence;
                }
                else
                {
                    Refused++;
                    LastError = error ?? "refused";
                }

                break;
            case 7:
                ClosedWith = error ?? "closed by the server";
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
        _sendGate.Dispose();
    }
}
