using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Changes;

/// <summary>One change to the data: what changed, when, by whom, and the changed fields before and after.</summary>
public sealed record ChangeResource
{
    /// <summary>Increases with every change: the exact bookmark for the next poll (<c>?after=</c>).</summary>
    /// <example>73</example>
    public required long Sequence { get; init; }

    /// <summary>When the change was saved.</summary>
    /// <example>2026-11-28T09:00:00+00:00</example>
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>seed</c> (a seed import) or <c>key:{id}</c> (the API key that made the change).</summary>
    /// <example>key:k3f9a0c1d2e</example>
    public required string Actor { get; init; }

    /// <summary><c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
    /// <example>created</example>
    public required string Action { get; init; }

    /// <summary>What kind of thing changed: local-government, plan, goal, measure, sub-measure, kpi, kpi-baseline, kpi-target, kpi-observation, or seed (the seed files as a whole: code lists, theme mappings and English labels may have changed).</summary>
    /// <example>kpi-observation</example>
    public required string ResourceType { get; init; }

    /// <summary>Its ID; for a figure, <c>{kpi}/{role}/{period}</c> (role: baseline, target or observation).</summary>
    /// <example>population-outlook/observation/2020-10-01</example>
    public required string ResourceId { get; init; }

    /// <summary>Where it is served now (for a deletion, where it was), or null for what has no resource of its own.</summary>
    /// <example>/api/v1/kpis/population-outlook</example>
    public required string? Link { get; init; }

    /// <summary>The changed fields before the change; null for a creation.</summary>
    public required JsonObject? Before { get; init; }

    /// <summary>The changed fields after the change; null for a deletion.</summary>
    public required JsonObject? After { get; init; }
}
