namespace Kushiro.OpenData.Api.Strategy;

/// <summary>The strategy (第2期釧路市まち・ひと・しごと創生総合戦略): what it is, whose, how big, where from, under which licence.</summary>
public sealed record PlanResource
{
    /// <summary>Stable ID of the plan.</summary>
    /// <example>kushiro-2nd-strategy</example>
    public required string Id { get; init; }

    /// <summary>Title of the plan, as in the source document.</summary>
    /// <example>第2期釧路市まち・ひと・しごと創生総合戦略</example>
    public required string Title { get; init; }

    /// <summary>The document's own status (e.g. 施策体系案, a draft policy structure).</summary>
    /// <example>施策体系案</example>
    public required string Status { get; init; }

    /// <summary>The municipality whose plan this is.</summary>
    public required MunicipalityResource Municipality { get; init; }

    /// <summary>How many goals, measures and sub-measures the plan has.</summary>
    public required PlanCounts Counts { get; init; }

    /// <summary>The document the data was taken from.</summary>
    public required SourceDocumentResource SourceDocument { get; init; }

    /// <summary>Licence of the city's text (the titles and descriptions).</summary>
    public required LicenceResource Licence { get; init; }

    /// <summary>Licence of what this project adds (English labels, mappings, editorial notes).</summary>
    /// <example>{"name":"CC BY 4.0","url":"https://creativecommons.org/licenses/by/4.0/","compatibleWith":null}</example>
    public required LicenceResource EditorialLicence { get; init; }

    /// <summary>When the data last changed (UTC): the time of the latest change, as exactly as the changes feed dates it (the catalog's <c>modified</c>), so it may be sent there as <c>since</c>. The Last-Modified header is in whole seconds and may be later: a write is dated by the second after it, and only once that second is over.</summary>
    /// <example>2026-11-28T12:00:00.118100+00:00</example>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The plan's own numeric targets (数値目標), such as the population outlook; all KPIs are at <c>/api/v1/kpis</c>.</summary>
    public required IReadOnlyList<Kpis.KpiResource> Kpis { get; init; }

    /// <summary>Links to the plan's parts.</summary>
    public required PlanLinks Links { get; init; }
}

/// <summary>The municipality (市区町村) whose plan it is, identified by its 全国地方公共団体コード.</summary>
public sealed record MunicipalityResource
{
    /// <summary>全国地方公共団体コード: 6 digits, the last a check digit. A string, so leading zeros are kept.</summary>
    /// <example>012068</example>
    public required string LocalGovernmentCode { get; init; }

    /// <summary>Name of the municipality.</summary>
    /// <example>釧路市</example>
    public required string Name { get; init; }

    /// <summary>The prefecture (都道府県) it lies in.</summary>
    public required PrefectureResource Prefecture { get; init; }
}

/// <summary>A prefecture (都道府県), identified by its 全国地方公共団体コード.</summary>
public sealed record PrefectureResource
{
    /// <summary>全国地方公共団体コード of the prefecture: 6 digits, the last a check digit.</summary>
    /// <example>010006</example>
    public required string LocalGovernmentCode { get; init; }

    /// <summary>Name of the prefecture.</summary>
    /// <example>北海道</example>
    public required string Name { get; init; }
}

/// <summary>Counts of the plan's parts.</summary>
public sealed record PlanCounts
{
    /// <summary>Number of basic goals (基本目標).</summary>
    /// <example>4</example>
    public required int Goals { get; init; }

    /// <summary>Number of measures (施策・節).</summary>
    /// <example>17</example>
    public required int Measures { get; init; }

    /// <summary>Number of sub-measures (施策・細節), re-listings (再掲) included.</summary>
    /// <example>47</example>
    public required int SubMeasures { get; init; }
}

/// <summary>The source document, kept verbatim and served at <c>links.sourceDocument</c>.</summary>
public sealed record SourceDocumentResource
{
    /// <summary>Title of the source document.</summary>
    /// <example>第2期釧路市まち・ひと・しごと創生総合戦略 施策体系案</example>
    public required string Title { get; init; }

    /// <summary>Who published it.</summary>
    /// <example>釧路市</example>
    public required string Publisher { get; init; }

    /// <summary>File name of the extracted text in the project's seed folder.</summary>
    /// <example>kushiro-2nd-strategy-policy-structure.txt</example>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of that file's bytes, lower-case hex.</summary>
    /// <example>00976f17843a01cceb1a3a276145c439c0f8f77c257284fe5c51fa3ffa0564db</example>
    public required string Sha256 { get; init; }
}

/// <summary>A licence.</summary>
public sealed record LicenceResource
{
    /// <summary>Name of the licence.</summary>
    /// <example>公共データ利用規約（第1.0版）(PDL1.0)</example>
    public required string Name { get; init; }

    /// <summary>URL of the licence text.</summary>
    /// <example>https://www.digital.go.jp/resources/open_data/public_data_license_v1.0</example>
    public required string Url { get; init; }

    /// <summary>A better-known licence it is compatible with, if stated.</summary>
    /// <example>CC BY 4.0</example>
    public required string? CompatibleWith { get; init; }
}

/// <summary>Links from the plan.</summary>
public sealed record PlanLinks
{
    /// <summary>This plan.</summary>
    /// <example>/api/v1/plan</example>
    public required string Self { get; init; }

    /// <summary>The basic goals (基本目標).</summary>
    /// <example>/api/v1/goals</example>
    public required string Goals { get; init; }

    /// <summary>All measures (施策・節).</summary>
    /// <example>/api/v1/measures</example>
    public required string Measures { get; init; }

    /// <summary>All sub-measures (施策・細節).</summary>
    /// <example>/api/v1/sub-measures</example>
    public required string SubMeasures { get; init; }

    /// <summary>The source document's text (text/plain, UTF-8).</summary>
    /// <example>/api/v1/plan/source-document</example>
    public required string SourceDocument { get; init; }
}
