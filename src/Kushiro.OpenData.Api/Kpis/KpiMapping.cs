using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>KPIs as served: resources from entities, in document order.</summary>
public static class KpiMapping
{
    /// <summary>KPIs in document order: the plan's, then each goal's and its measures', then by ID.</summary>
    public static List<Kpi> InDocumentOrder(IEnumerable<Kpi> kpis, IReadOnlyDictionary<string, int> goalOrder, IReadOnlyDictionary<string, int> measureOrder) =>
        [.. kpis
            .OrderBy(k => k.GoalId is null ? 0 : goalOrder.GetValueOrDefault(k.GoalId))
            .ThenBy(k => k.MeasureId is null ? 0 : measureOrder.GetValueOrDefault(k.MeasureId))
            .ThenBy(k => k.Id, StringComparer.Ordinal)];

    public static KpiResource ToResource(Kpi k)
    {
        var latest = KpiProgress.Latest(k);
        return new KpiResource
        {
            Id = k.Id,
            Level = k.Level,
            Kind = k.Level == KpiLevel.Measure ? "kpi" : "numericTarget",
            GoalId = k.GoalId,
            MeasureId = k.MeasureId,
            Name = k.Name,
            Definition = k.Definition,
            Unit = k.Unit,
            Direction = k.Direction,
            Statistics = k.StatisticsCode is null ? null : new KpiStatisticsResource { Name = k.StatisticsName ?? "", GovernmentStatisticsCode = k.StatisticsCode },
            Baseline = k.Figures.Where(f => f.Role == KpiFigureRole.Baseline).Select(ToResource).FirstOrDefault(),
            Targets = [.. k.Figures.Where(f => f.Role == KpiFigureRole.Target).OrderBy(f => f.PeriodEnd).Select(ToResource)],
            Latest = latest is null ? null : ToResource(latest),
            Progress = [.. KpiProgress.For(k).Select(p => new KpiProgressResource
            {
                TargetPeriod = p.TargetPeriod, TargetPeriodEnd = p.TargetPeriodEnd, TargetValue = Normalized(p.TargetValue),
                LatestPeriod = p.LatestPeriod, LatestPeriodEnd = p.LatestPeriodEnd,
                LatestValue = p.LatestValue is { } latestValue ? Normalized(latestValue) : null,
                Difference = p.Difference is { } difference ? Normalized(difference) : null,
                Ratio = p.Ratio is { } ratio ? Normalized(ratio) : null, Met = p.Met, Final = p.Final,
            })],
            ObservationCount = k.Figures.Count(f => f.Role == KpiFigureRole.Observation),
            Origin = k.Origin,
            Links = new KpiLinks
            {
                Self = ApiLinks.Kpi(k.Id),
                Observations = ApiLinks.KpiObservations(k.Id),
                Owner = k.MeasureId is { } m ? ApiLinks.Measure(m) : k.GoalId is { } g ? ApiLinks.Goal(g) : ApiLinks.Plan,
            },
        };
    }

    public static KpiFigureResource ToResource(KpiFigure f) => new()
    {
        Period = f.Period,
        PeriodEnd = f.PeriodEnd,
        Value = Normalized(f.Value),
        Note = f.Note,
        Source = new FigureSourceResource { Title = f.SourceTitle, Url = f.SourceUrl, Page = f.SourcePage },
        Provenance = f.Provenance,
        Origin = f.Origin,
    };

    /// <summary>
    /// 138000, not 138000.0 or 138000.00000000: stores keep a decimal's scale differently (SQLite as text,
    /// PostgreSQL as numeric(28,8)), and the same figure must serialize to the same bytes on both.
    /// </summary>
    public static decimal Normalized(decimal value) => value / 1.0000000000000000000000000000m;

    public static IReadOnlyList<KpiFigure> Observations(Kpi k) =>
        [.. k.Figures.Where(f => f.Role == KpiFigureRole.Observation).OrderBy(f => f.PeriodEnd).ThenBy(f => f.Id)];
}
