namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// A numeric target (数値目標) of the plan or a basic goal, or a KPI (重要業績評価指標) of a measure, with its
/// figures. Seed-owned (<see cref="KpiOrigin.Seed"/>) or entered by staff through the write path.
/// </summary>
public sealed class Kpi
{
    public required string Id { get; set; }
    public required string PlanId { get; set; }

    /// <summary>Set for a goal's numeric target; with <see cref="MeasureId"/> for a measure's KPI.</summary>
    public string? GoalId { get; set; }
    public string? MeasureId { get; set; }

    public required string Name { get; set; }
    public required string Definition { get; set; }
    public required string Unit { get; set; }

    /// <summary>Which way is better: <see cref="KpiDirection"/>.</summary>
    public required string Direction { get; set; }

    /// <summary>The official statistic the figures come from, where one applies (e.g. 国勢調査, e-Stat code 00200521).</summary>
    public string? StatisticsName { get; set; }
    public string? StatisticsCode { get; set; }

    public required string Origin { get; set; }
    public List<KpiFigure> Figures { get; set; } = [];

    public string Level => MeasureId is not null ? KpiLevel.Measure : GoalId is not null ? KpiLevel.Goal : KpiLevel.Plan;
}

/// <summary>One figure of a KPI: its baseline, a target, or an observation, each with its source.</summary>
public sealed class KpiFigure
{
    public long Id { get; set; }
    public required string KpiId { get; set; }

    /// <summary><see cref="KpiFigureRole"/>.</summary>
    public required string Role { get; set; }

    /// <summary>"2040" (calendar year), "FY2020" (fiscal year 年度, April to March) or "2010-10-01" (a date).</summary>
    public required string Period { get; set; }

    /// <summary>The period's last day, derived from <see cref="Period"/>: what "latest" is ordered by.</summary>
    public DateOnly PeriodEnd { get; set; }

    public decimal Value { get; set; }
    public string? Note { get; set; }
    public required string SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourcePage { get; set; }

    /// <summary><see cref="KpiProvenance"/>.</summary>
    public required string Provenance { get; set; }
    public required string Origin { get; set; }
}

public static class KpiLevel
{
    public const string Plan = "plan";
    public const string Goal = "goal";
    public const string Measure = "measure";
}

public static class KpiDirection
{
    /// <summary>Higher is better: a target is met at or above its value.</summary>
    public const string Increase = "increase";

    /// <summary>Lower is better: a target is met at or below its value.</summary>
    public const string Decrease = "decrease";

    /// <summary>Keep the level: a target is met at or above its value, and progress from a baseline is not a ratio.</summary>
    public const string Maintain = "maintain";

    public static readonly string[] All = [Increase, Decrease, Maintain];
}

public static class KpiFigureRole
{
    public const string Baseline = "baseline";
    public const string Target = "target";
    public const string Observation = "observation";
}

public static class KpiProvenance
{
    /// <summary>Published by the city or another public body; the source names where.</summary>
    public const string Official = "official";

    /// <summary>Added by this project (e.g. a target restated from a quoted figure); not an official figure.</summary>
    public const string Editorial = "editorial";

    public static readonly string[] All = [Official, Editorial];
}

/// <summary>Who owns a row: the seed re-syncs its own rows and never touches what staff entered.</summary>
public static class KpiOrigin
{
    public const string Seed = "seed";
    public const string Staff = "staff";
}
