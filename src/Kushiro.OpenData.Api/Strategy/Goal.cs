namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A basic goal (基本目標) of the plan; seed-owned.</summary>
public sealed class Goal
{
    public required string Id { get; set; }
    public required string PlanId { get; set; }
    public required string Marker { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public List<Measure> Measures { get; set; } = [];
}
