using System.ComponentModel.DataAnnotations;

namespace CoProduce.Server.Hubs;

/// <summary>Limits of the workshop hub (configuration section <c>Workshops:Hub</c>).</summary>
public sealed class WorkshopHubOptions
{
    public const string Section = "Workshops:Hub";

    /// <summary>Largest message a client may send (bytes); a vote or an idea is far smaller.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaximumReceiveMessageSize { get; set; } = 8 * 1024;

    /// <summary>Messages one connection may send in a burst…</summary>
    [Range(1, 10_000)]
    public int BurstLimit { get; set; } = 20;

    /// <summary>…refilled at this many per second.</summary>
    [Range(1, 10_000)]
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary>How often at most a live tally is sent per activity.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan TallyInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Origins besides the server's own that may open the hub (e.g. a separate front end).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
