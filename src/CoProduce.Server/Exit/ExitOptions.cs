using System.ComponentModel.DataAnnotations;

namespace CoProduce.Server.Exit;

/// <summary>Where "Exit this page" leads (configuration section <c>Exit</c>).</summary>
public sealed class ExitOptions
{
    public const string Section = "Exit";

    /// <summary>A neutral site that gives nothing away in the browser's history or on screen.</summary>
    [Required, Url]
    public string RedirectUrl { get; set; } = "https://www.bbc.co.uk/weather";
}
