using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A basic goal (基本目標) of the strategy, as listed.</summary>
public record GoalSummary
{
    /// <summary>Stable ID of the basic goal: its number in the document.</summary>
    /// <example>4</example>
    public required string Id { get; init; }

    /// <summary>The goal's marker as printed in the document.</summary>
    /// <example>4</example>
    public required string Marker { get; init; }

    /// <summary>Title of the basic goal (基本目標), exactly as in the source document.</summary>
    /// <example>持続可能なまちをつくる</example>
    public required string Title { get; init; }

    /// <summary>Position among the plan's basic goals, from 1.</summary>
    /// <example>4</example>
    public required int Order { get; init; }

    /// <summary>English (this project's translation, <c>editorial</c>): present only when English was asked for, with <c>?lang=en</c> or <c>Accept-Language: en</c>.</summary>
    /// <example>{"title":"Build a sustainable city","description":null,"provenance":"editorial"}</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Labels.EnglishLabelResource? En => Labels.EnglishLabelResource.ForRequest("goal", Id);

    /// <summary>Links to this goal, its plan and its children.</summary>
    public required GoalLinks Links { get; init; }

    internal static GoalSummary From(ReadModel.GoalNode g) => new()
    {
        Id = g.Id,
        Marker = g.Marker,
        Title = g.Title,
        Order = g.Order,
        Links = new GoalLinks
        {
            Self = ApiLinks.Goal(g.Id),
            Plan = ApiLinks.Plan,
            Measures = ApiLinks.MeasuresOfGoal(g.Id),
            SubMeasures = ApiLinks.SubMeasuresOfGoal(g.Id),
        },
    };
}

/// <summary>A basic goal (基本目標) with summaries of its measures (施策・節).</summary>
public sealed record GoalDetail : GoalSummary
{
    [SetsRequiredMembers]
    internal GoalDetail(ReadModel.GoalNode goal, IReadOnlyList<Themes.AlignmentResource> alignments)
        : base(From(goal))
    {
        Measures = [.. goal.Measures.Select(MeasureSummary.From)];
        Kpis = [.. goal.Kpis.Select(k => k.Kpi)];
        Alignments = alignments;
    }

    /// <summary>The goal's measures (施策・節), in document order.</summary>
    [JsonPropertyOrder(3)] // After the inherited fields, KPIs and alignments, so id comes first and children last.
    public required IReadOnlyList<MeasureSummary> Measures { get; init; }

    /// <summary>The goal's own numeric targets (数値目標); its measures' KPIs are at <c>/api/v1/kpis?goal={id}</c>.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<KpiResource> Kpis { get; init; }

    /// <summary>
    /// Alignments to the national 第2期 strategy's goals and the デジタル田園都市国家構想 themes, each with its
    /// provenance (editorial: by this project) and rationale.
    /// </summary>
    [JsonPropertyOrder(2)]
    public required IReadOnlyList<Themes.AlignmentResource> Alignments { get; init; }
}

/// <summary>Links from a basic goal.</summary>
public sealed record GoalLinks
{
    /// <summary>This goal.</summary>
    /// <example>/api/v1/goals/4</example>
    public required string Self { get; init; }

    /// <summary>The plan the goal belongs to.</summary>
    /// <example>/api/v1/plan</example>
    public required string Plan { get; init; }

    /// <summary>The goal's measures (施策・節).</summary>
    /// <example>/api/v1/measures?goal=4</example>
    public required string Measures { get; init; }

    /// <summary>The goal's sub-measures (施策・細節).</summary>
    /// <example>/api/v1/sub-measures?goal=4</example>
    public required string SubMeasures { get; init; }
}
