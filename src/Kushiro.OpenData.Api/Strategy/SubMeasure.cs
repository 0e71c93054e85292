namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A sub-measure (施策・細節) under a measure; seed-owned.</summary>
public sealed class SubMeasure
{
    public required string Id { get; set; }
    public required string MeasureId { get; set; }
    public Measure? Measure { get; set; }
    public required string Marker { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }

    // Where the seed corrects PDF-extraction damage, the text as extracted stays here (null when identical).
    public string? TitleAsExtracted { get; set; }
    public string? DescriptionAsExtracted { get; set; }

    /// <summary>The original sub-measure this one re-lists (再掲), if any.</summary>
    public string? RelistingOfId { get; set; }
    public SubMeasure? RelistingOf { get; set; }
    public List<SubMeasure> RelistedAs { get; set; } = [];
}
