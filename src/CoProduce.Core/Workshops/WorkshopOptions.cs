namespace CoProduce.Core.Workshops;

/// <summary>Settings under <c>Workshops</c> (the hub has its own, under <c>Workshops:Hub</c>).</summary>
public sealed class WorkshopOptions
{
    public const string SectionName = "Workshops";

    /// <summary>
    /// Counts from 1 to this number − 1 are suppressed in workshop records (PRODUCT.md: counts under
    /// 10 are shown as suppressed). 1 turns suppression off; nothing lower makes sense.
    /// </summary>
    public int SuppressionThreshold { get; set; } = 10;
}
