using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>A validated seed, ready to sync into the store. <see cref="Hash"/> covers every seed file's bytes.</summary>
public sealed record StrategySeed(
    IReadOnlyList<LocalGovernment> LocalGovernments,
    Plan Plan,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<SubMeasure> SubMeasures,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<ThemeScheme> Schemes,
    IReadOnlyList<GoalAlignment> Alignments,
    IReadOnlyList<SubMeasureTheme> SubMeasureThemes,
    IReadOnlyList<Labels.EnglishLabel> EnglishLabels,
    string Hash);
