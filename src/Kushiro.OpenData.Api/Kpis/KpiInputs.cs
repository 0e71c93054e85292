using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>A KPI's definition, as city staff send it. Unknown fields are refused, so a typo is never dropped silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record KpiDefinitionInput
{
    /// <summary>The basic goal it belongs to: set for a goal's numeric target, and for a measure's KPI (then it must be the measure's goal). Null for the plan's own targets.</summary>
    /// <example>1</example>
    public string? GoalId { get; init; }

    /// <summary>The measure it belongs to, for a measure's KPI; null otherwise.</summary>
    /// <example>1-1</example>
    public string? MeasureId { get; init; }

    /// <summary>Name of the KPI (Japanese).</summary>
    /// <example>水産業の新規就業者数</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>What is counted and how (Japanese).</summary>
    /// <example>市内の漁業に新たに就業した人数（年度）。</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(2000, MinimumLength = 1)]
    public string? Definition { get; init; }

    /// <summary>Unit of every figure, as written (単位表記).</summary>
    /// <example>人</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(32, MinimumLength = 1)]
    public string? Unit { get; init; }

    /// <summary><c>increase</c> (higher is better), <c>decrease</c> (lower is better) or <c>maintain</c>.</summary>
    /// <example>increase</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), AllowedValues(KpiDirection.Increase, KpiDirection.Decrease, KpiDirection.Maintain, ErrorMessage = "Is increase, decrease or maintain.")]
    public string? Direction { get; init; }

    /// <summary>The official statistic the figures come from, if one applies.</summary>
    public KpiStatisticsInput? Statistics { get; init; }
}

/// <summary>A new KPI: its definition and the stable ID it will have.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NewKpiInput : KpiDefinitionInput
{
    /// <summary>Stable ID of the new KPI: lower-case letters, digits and single hyphens, at most 48 characters.</summary>
    /// <example>fishery-new-workers</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(48, MinimumLength = 1), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Is lower-case letters and digits, in words joined by single hyphens, e.g. fishery-new-workers.")]
    public string? Id { get; init; }
}

/// <summary>An official statistic, identified as e-Stat does.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record KpiStatisticsInput
{
    /// <summary>Name of the statistic.</summary>
    /// <example>国勢調査</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>政府統計コード: 8 digits.</summary>
    /// <example>00200521</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), RegularExpression("^[0-9]{8}$", ErrorMessage = "Is the statistic's 8-digit code in e-Stat (政府統計コード), e.g. 00200521.")]
    public string? GovernmentStatisticsCode { get; init; }
}

/// <summary>A baseline, target or observation, as staff send it; its period is in the URL.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record KpiFigureInput
{
    /// <summary>The value in the KPI's unit, as a JSON number with at most 20 digits before the decimal point and 8 after it (what every store keeps exactly; more is a 400, not a rounding).</summary>
    /// <example>42</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage)]
    [JsonConverter(typeof(ExactDecimalConverter))]
    public decimal? Value { get; init; }

    /// <summary>Anything a reader needs to know about this figure (Japanese).</summary>
    /// <example>速報値。</example>
    [CharacterLength(2000, MinimumLength = 1)]
    public string? Note { get; init; }

    /// <summary>Where the figure was published.</summary>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage)]
    public FigureSourceInput? Source { get; init; }

    /// <summary><c>official</c> (published by the city or another public body; needs a source URL) or <c>editorial</c>.</summary>
    /// <example>official</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), AllowedValues(KpiProvenance.Official, KpiProvenance.Editorial, ErrorMessage = "Is official or editorial.")]
    public string? Provenance { get; init; }
}

/// <summary>Where a figure was published.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FigureSourceInput
{
    /// <summary>Title of the publication.</summary>
    /// <example>釧路市 主要施策成果報告書（令和5年度）</example>
    [Required(ErrorMessage = ValidationErrorNames.RequiredMessage), CharacterLength(500, MinimumLength = 1)]
    public string? Title { get; init; }

    /// <summary>Absolute http(s) URL of the publication, in RFC 3986 characters (percent-encoded), without user:password@; required for official figures.</summary>
    /// <example>https://www.city.kushiro.lg.jp/shisei/shisaku/1007017/1007018.html</example>
    // "" is no URL: its minimum length says so in the URL rule's words, which the problem then gives once (a second
    // message had said only "too short"), and the contract keeps minLength 1. MinLength comes after CharacterLength,
    // whose minimum of 0 the OpenAPI document would otherwise show (it takes the last bound it reads).
    [Url(ErrorMessage = UrlMessage), CharacterLength(2000), MinLength(1, ErrorMessage = UrlMessage)]
    public string? Url { get; init; }

    private const string UrlMessage = "Must be an absolute http(s) URL.";

    /// <summary>Page or section, if useful.</summary>
    /// <example>p. 12</example>
    [CharacterLength(100, MinimumLength = 1)]
    public string? Page { get; init; }
}
