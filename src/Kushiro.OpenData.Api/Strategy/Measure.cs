namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A measure (施策・節) under a basic goal; seed-owned.</summary>
public sealed class Measure
{
    public required string Id { get; set; }
    public required string GoalId { get; set; }
    public Goal? Goal { get; set; }
    public required string Marker { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public List<SubMeasure> SubMeasures { get; set; } = [];
}
