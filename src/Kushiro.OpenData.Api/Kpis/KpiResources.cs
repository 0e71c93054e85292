namespace Kushiro.OpenData.Api.Kpis;

/// <summary>A numeric target (数値目標) of the plan or a basic goal, or a KPI (重要業績評価指標) of a measure.</summary>
public sealed record KpiResource
{
    /// <summary>Stable ID of the KPI: lower-case letters, digits and hyphens.</summary>
    /// <example>population-outlook</example>
    public required string Id { get; init; }

    /// <summary>What the KPI belongs to: <c>plan</c>, <c>goal</c> or <c>measure</c>.</summary>
    /// <example>plan</example>
    public required string Level { get; init; }

    /// <summary><c>numericTarget</c> (数値目標, of the plan or a basic goal) or <c>kpi</c> (重要業績評価指標, of a measure).</summary>
    /// <example>numericTarget</example>
    public required string Kind { get; init; }

    /// <summary>The basic goal it belongs to (also set for a measure's KPI); null for the plan's own targets.</summary>
    /// <example>null</example>
    public required string? GoalId { get; init; }

    /// <summary>The measure it belongs to; null unless level is <c>measure</c>.</summary>
    /// <example>null</example>
    public required string? MeasureId { get; init; }

    /// <summary>Name of the KPI (Japanese).</summary>
    /// <example>総人口（人口の将来展望）</example>
    public required string Name { get; init; }

    /// <summary>What is counted and how (Japanese).</summary>
    /// <example>釧路市の総人口（国勢調査）。第2期戦略のたたき台が示した人口の将来展望を目標値とする。</example>
    public required string Definition { get; init; }

    /// <summary>Unit of every figure, as written (単位表記).</summary>
    /// <example>人</example>
    public required string Unit { get; init; }

    /// <summary>Which way is better: <c>increase</c> (higher), <c>decrease</c> (lower) or <c>maintain</c> (keep at or above the target).</summary>
    /// <example>increase</example>
    public required string Direction { get; init; }

    /// <summary>The official statistic the figures come from, where one applies.</summary>
    public required KpiStatisticsResource? Statistics { get; init; }

    /// <summary>The baseline (基準値), if the plan states one.</summary>
    public required KpiFigureResource? Baseline { get; init; }

    /// <summary>Targets (目標値), by period.</summary>
    public required IReadOnlyList<KpiFigureResource> Targets { get; init; }

    /// <summary>The observation whose period ends last (of two that end on the same day, the one entered last), or null before the first.</summary>
    public required KpiFigureResource? Latest { get; init; }

    /// <summary>Progress toward each target, derived from the latest observation and the baseline.</summary>
    public required IReadOnlyList<KpiProgressResource> Progress { get; init; }

    /// <summary>How many observations there are (all at <c>links.observations</c>).</summary>
    /// <example>2</example>
    public required int ObservationCount { get; init; }

    /// <summary><c>seed</c> (from the project's seed files: its name, definition and direction are this project's wording; each figure names its own source and provenance) or <c>staff</c> (entered by city staff through the write path).</summary>
    /// <example>seed</example>
    public required string Origin { get; init; }

    /// <summary>Links to this KPI, its observations and what it belongs to.</summary>
    public required KpiLinks Links { get; init; }
}

/// <summary>One figure: a baseline, target or observation, with where it comes from.</summary>
public sealed record KpiFigureResource
{
    /// <summary>"2040" (calendar year), "FY2020" (fiscal year 年度, April to March) or "2010-10-01" (a date).</summary>
    /// <example>2040</example>
    public required string Period { get; init; }

    /// <summary>The period's last day (ISO 8601 date): 2040 → 2040-12-31, FY2020 → 2021-03-31, a date itself. Figures are ordered by it, so a series whose sources write years and days (1980, 2010-10-01) sorts on it.</summary>
    /// <example>2040-12-31</example>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The value, in the KPI's unit (a JSON number, exact decimal).</summary>
    /// <example>138000</example>
    public required decimal Value { get; init; }

    /// <summary>Anything a reader needs to know about this figure (Japanese), or null.</summary>
    /// <example>令和22年。令和元年度第2回釧路地域協議会（2019年11月14日）の会議録で第2期戦略のたたき台の人口の将来目標として引用。第1期戦略の市長メッセージ（2016年2月、https://www.city.kushiro.lg.jp/shisei/gaiyou/shichou/aisatsu/page00001240.html）でも2040年に13万8,000人。</example>
    public required string? Note { get; init; }

    /// <summary>Where the figure was published.</summary>
    public required FigureSourceResource Source { get; init; }

    /// <summary><c>official</c> (published by the city or another public body) or <c>editorial</c> (added by this project).</summary>
    /// <example>official</example>
    public required string Provenance { get; init; }

    /// <summary><c>seed</c> or <c>staff</c>: who maintains this figure.</summary>
    /// <example>seed</example>
    public required string Origin { get; init; }
}

/// <summary>Where a figure was published.</summary>
public sealed record FigureSourceResource
{
    /// <summary>Title of the publication.</summary>
    /// <example>釧路市 令和元年度第2回釧路地域協議会 会議録</example>
    public required string Title { get; init; }

    /// <summary>Where to read it; required for official figures.</summary>
    /// <example>https://www.city.kushiro.lg.jp/shisei/kouhoukouchou/1003572/1003036/1003037/1003056/1003060.html</example>
    public required string? Url { get; init; }

    /// <summary>Page or section within it, if useful.</summary>
    /// <example>null</example>
    public required string? Page { get; init; }
}

/// <summary>An official statistic, identified as e-Stat does.</summary>
public sealed record KpiStatisticsResource
{
    /// <summary>Name of the statistic.</summary>
    /// <example>国勢調査</example>
    public required string Name { get; init; }

    /// <summary>政府統計コード (8 digits), as used by e-Stat.</summary>
    /// <example>00200521</example>
    public required string GovernmentStatisticsCode { get; init; }
}

/// <summary>Where a KPI stands against one target.</summary>
public sealed record KpiProgressResource
{
    /// <summary>The target's period.</summary>
    /// <example>2040</example>
    public required string TargetPeriod { get; init; }

    /// <summary>The target period's last day (as a figure's <c>periodEnd</c>).</summary>
    /// <example>2040-12-31</example>
    public required DateOnly TargetPeriodEnd { get; init; }

    /// <summary>The target's value.</summary>
    /// <example>138000</example>
    public required decimal TargetValue { get; init; }

    /// <summary>Period of the latest observation, or null before the first.</summary>
    /// <example>2010-10-01</example>
    public required string? LatestPeriod { get; init; }

    /// <summary>The latest observation's period's last day, or null before the first: <c>final</c> compares it with <c>targetPeriodEnd</c>.</summary>
    /// <example>2010-10-01</example>
    public required DateOnly? LatestPeriodEnd { get; init; }

    /// <summary>The latest observed value, or null.</summary>
    /// <example>181169</example>
    public required decimal? LatestValue { get; init; }

    /// <summary>Latest value minus target value.</summary>
    /// <example>43169</example>
    public required decimal? Difference { get; init; }

    /// <summary>Share of the way from baseline to target covered (0 at the baseline, 1 at the target), rounded to 4 decimal places (half to even); null without a baseline or for <c>maintain</c>.</summary>
    /// <example>null</example>
    public required decimal? Ratio { get; init; }

    /// <summary>Whether the latest value meets the target in the KPI's direction; null before the first observation.</summary>
    /// <example>true</example>
    public required bool? Met { get; init; }

    /// <summary>Whether the latest observation's period ends no earlier than the target's, so that <c>met</c> is the outcome, not a snapshot.</summary>
    /// <example>false</example>
    public required bool Final { get; init; }
}

/// <summary>Links from a KPI.</summary>
public sealed record KpiLinks
{
    /// <summary>This KPI.</summary>
    /// <example>/api/v1/kpis/population-outlook</example>
    public required string Self { get; init; }

    /// <summary>All its observations, oldest first.</summary>
    /// <example>/api/v1/kpis/population-outlook/observations</example>
    public required string Observations { get; init; }

    /// <summary>What it belongs to: the plan, a basic goal or a measure.</summary>
    /// <example>/api/v1/plan</example>
    public required string Owner { get; init; }
}
