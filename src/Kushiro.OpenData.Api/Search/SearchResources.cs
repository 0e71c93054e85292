using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Search;

/// <summary>One search result: what was found, how well it matched, and where.</summary>
public sealed record SearchResultResource
{
    /// <summary>What was found: <c>goal</c>, <c>measure</c>, <c>sub-measure</c> or <c>kpi</c>.</summary>
    /// <example>sub-measure</example>
    public required string Type { get; init; }

    /// <summary>Its stable ID.</summary>
    /// <example>1-6-1</example>
    public required string Id { get; init; }

    /// <summary>Its title (Japanese).</summary>
    /// <example>国際会議観光都市「釧路」を生かしたMICE誘致の推進</example>
    public required string Title { get; init; }

    /// <summary>Relevance: higher is better. Comparable within one search only.</summary>
    /// <example>6</example>
    public required double Score { get; init; }

    /// <summary>English of the goal, measure or sub-measure found (this project's translation, <c>editorial</c>), as on its own answer: present only when English was asked for, with <c>?lang=en</c> or <c>Accept-Language: en</c>. A KPI has none.</summary>
    /// <example>{"title":"Promoting MICE attraction leveraging Kushiro's status as an International Conference Tourism City","description":"Leveraging its record of hosting world-scale international conferences, its cool climate, infrastructure and other assets, attracts conferences and similar events through strategic promotion and other activities, aiming to expand the visiting population.","provenance":"editorial"}</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Labels.EnglishLabelResource? En => Type == "kpi" ? null : Labels.EnglishLabelResource.ForRequest(Type, Id);

    /// <summary>Which field the snippet is from: <c>title</c>, <c>description</c>, <c>titleEn</c>, <c>descriptionEn</c>, <c>name</c> or <c>definition</c>.</summary>
    /// <example>title</example>
    public required string Field { get; init; }

    /// <summary>Text around the match, each match in &lt;mark&gt;…&lt;/mark&gt;, the rest HTML-escaped (safe to show as HTML).</summary>
    /// <example>国際会議観光都市「釧路」を生かした&lt;mark&gt;MICE&lt;/mark&gt;誘致の推進</example>
    public required string Snippet { get; init; }

    /// <summary>Link to the item.</summary>
    /// <example>{"self":"/api/v1/sub-measures/1-6-1"}</example>
    public required Themes.SelfLink Links { get; init; }
}
