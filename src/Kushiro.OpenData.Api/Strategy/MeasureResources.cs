using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A measure (施策・節) under a basic goal, as listed.</summary>
public record MeasureSummary
{
    /// <summary>Stable ID: <c>{goal}-{n}</c>, n being the measure's number under its goal (① is 1).</summary>
    /// <example>4-2</example>
    public required string Id { get; init; }

    /// <summary>ID of the basic goal (基本目標) the measure belongs to.</summary>
    /// <example>4</example>
    public required string GoalId { get; init; }

    /// <summary>The measure's marker as printed in the document.</summary>
    /// <example>②</example>
    public required string Marker { get; init; }

    /// <summary>Title of the measure (施策・節), exactly as in the source document.</summary>
    /// <example>ひがし北海道の中核都市としての拠点性の向上</example>
    public required string Title { get; init; }

    /// <summary>Position among its goal's measures, from 1.</summary>
    /// <example>2</example>
    public required int Order { get; init; }

    /// <summary>English (this project's translation, <c>editorial</c>): present only when English was asked for, with <c>?lang=en</c> or <c>Accept-Language: en</c>.</summary>
    /// <example>{"title":"Strengthening Kushiro's hub role as the core city of eastern Hokkaido","description":null,"provenance":"editorial"}</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Labels.EnglishLabelResource? En => Labels.EnglishLabelResource.ForRequest("measure", Id);

    /// <summary>Links to this measure, its goal and its sub-measures.</summary>
    public required MeasureLinks Links { get; init; }

    internal static MeasureSummary From(ReadModel.MeasureNode m) => new()
    {
        Id = m.Id,
        GoalId = m.Goal.Id,
        Marker = m.Marker,
        Title = m.Title,
        Order = m.Order,
        Links = new MeasureLinks { Self = ApiLinks.Measure(m.Id), Goal = ApiLinks.Goal(m.Goal.Id), SubMeasures = ApiLinks.SubMeasuresOfMeasure(m.Id) },
    };
}

/// <summary>A measure (施策・節) with summaries of its sub-measures (施策・細節).</summary>
public sealed record MeasureDetail : MeasureSummary
{
    [SetsRequiredMembers]
    internal MeasureDetail(ReadModel.MeasureNode measure)
        : base(From(measure))
    {
        SubMeasures = [.. measure.SubMeasures.Select(SubMeasureResource.From)];
        Kpis = [.. measure.Kpis.Select(k => k.Kpi)];
    }

    /// <summary>The measure's sub-measures (施策・細節), in document order.</summary>
    [JsonPropertyOrder(2)] // After the inherited fields and the KPIs, so id comes first and children last.
    public required IReadOnlyList<SubMeasureResource> SubMeasures { get; init; }

    /// <summary>The measure's KPIs (重要業績評価指標).</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<KpiResource> Kpis { get; init; }
}

/// <summary>Links from a measure.</summary>
public sealed record MeasureLinks
{
    /// <summary>This measure.</summary>
    /// <example>/api/v1/measures/4-2</example>
    public required string Self { get; init; }

    /// <summary>The basic goal (基本目標) it belongs to.</summary>
    /// <example>/api/v1/goals/4</example>
    public required string Goal { get; init; }

    /// <summary>Its sub-measures (施策・細節).</summary>
    /// <example>/api/v1/sub-measures?measure=4-2</example>
    public required string SubMeasures { get; init; }
}
