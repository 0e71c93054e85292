using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A sub-measure (施策・細節): the finest level of the strategy, with its description.</summary>
public sealed record SubMeasureResource
{
    /// <summary>Stable ID: <c>{goal}-{n}-{m}</c>, m being its number under its measure ((ア) is 1).</summary>
    /// <example>4-2-2</example>
    public required string Id { get; init; }

    /// <summary>ID of the basic goal (基本目標).</summary>
    /// <example>4</example>
    public required string GoalId { get; init; }

    /// <summary>ID of the measure (施策・節) it belongs to.</summary>
    /// <example>4-2</example>
    public required string MeasureId { get; init; }

    /// <summary>The sub-measure's marker as printed in the document.</summary>
    /// <example>(イ)</example>
    public required string Marker { get; init; }

    /// <summary>Title of the sub-measure (施策・細節), exactly as in the source document.</summary>
    /// <example>医療体制の整備(再掲)</example>
    public required string Title { get; init; }

    /// <summary>Description of the sub-measure, as in the source document (PDF-extraction damage undone, see <c>descriptionAsExtracted</c>).</summary>
    /// <example>将来の医療需要を見据えた医療施設の整備を行い、広域的な医療体制を構築するとともに、関係機関との連携を図り、地域に密着した医療の充実に向けた取組を実施する。</example>
    public required string Description { get; init; }

    /// <summary>The title as extracted from the source document, where <c>title</c> corrects extraction damage; otherwise null.</summary>
    /// <example>null</example>
    public required string? TitleAsExtracted { get; init; }

    /// <summary>The description as extracted from the source document, where <c>description</c> corrects extraction damage (such as a stray space in 人 材育成); otherwise null.</summary>
    /// <example>null</example>
    public required string? DescriptionAsExtracted { get; init; }

    /// <summary>Position among its measure's sub-measures, from 1.</summary>
    /// <example>2</example>
    public required int Order { get; init; }

    /// <summary>English (this project's translation, <c>editorial</c>): present only when English was asked for, with <c>?lang=en</c> or <c>Accept-Language: en</c>.</summary>
    /// <example>{"title":"Developing the medical care system (re-listed)","description":"Develops medical facilities with future medical demand in mind and builds a wide-area medical care system, while working with relevant organizations on initiatives to enhance community-based medical care.","provenance":"editorial"}</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Labels.EnglishLabelResource? En => Labels.EnglishLabelResource.ForRequest("sub-measure", Id);

    /// <summary>For a re-listing (再掲), the ID of the original sub-measure it repeats; otherwise null.</summary>
    /// <example>3-4-1</example>
    public required string? RelistingOf { get; init; }

    /// <summary>IDs of the sub-measures that re-list (再掲) this one elsewhere in the plan.</summary>
    /// <example>[]</example>
    public required IReadOnlyList<string> RelistedAs { get; init; }

    /// <summary>The concepts of every theme scheme (sdgs, national, digiden, fields) the sub-measure is mapped to, each with provenance and a one-line rationale.</summary>
    public IReadOnlyList<Themes.SubMeasureThemeResource> Themes => Api.Themes.SubMeasureThemeResource.Of(Id);

    /// <summary>Links to this sub-measure, its parents and, for a re-listing, the original.</summary>
    public required SubMeasureLinks Links { get; init; }

    internal static SubMeasureResource From(ReadModel.SubMeasureNode s) => new()
    {
        Id = s.Id,
        GoalId = s.Goal.Id,
        MeasureId = s.Measure.Id,
        Marker = s.Marker,
        Title = s.Title,
        Description = s.Description,
        TitleAsExtracted = s.TitleAsExtracted,
        DescriptionAsExtracted = s.DescriptionAsExtracted,
        Order = s.Order,
        RelistingOf = s.RelistingOf?.Id,
        RelistedAs = [.. s.RelistedAs.Select(r => r.Id).Order(StringComparer.Ordinal)],
        Links = new SubMeasureLinks
        {
            Self = ApiLinks.SubMeasure(s.Id),
            Goal = ApiLinks.Goal(s.Goal.Id),
            Measure = ApiLinks.Measure(s.Measure.Id),
            RelistingOf = s.RelistingOf is null ? null : ApiLinks.SubMeasure(s.RelistingOf.Id),
        },
    };
}

/// <summary>Links from a sub-measure.</summary>
public sealed record SubMeasureLinks
{
    /// <summary>This sub-measure.</summary>
    /// <example>/api/v1/sub-measures/4-2-2</example>
    public required string Self { get; init; }

    /// <summary>Its basic goal (基本目標).</summary>
    /// <example>/api/v1/goals/4</example>
    public required string Goal { get; init; }

    /// <summary>Its measure (施策・節).</summary>
    /// <example>/api/v1/measures/4-2</example>
    public required string Measure { get; init; }

    /// <summary>For a re-listing (再掲), the original sub-measure; otherwise null.</summary>
    /// <example>/api/v1/sub-measures/3-4-1</example>
    public required string? RelistingOf { get; init; }
}
