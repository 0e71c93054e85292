namespace Kushiro.OpenData.Api.Kpis;

/// <summary>Where a KPI stands against one of its targets, derived from the latest observation.</summary>
public sealed record KpiProgress(
    string TargetPeriod, DateOnly TargetPeriodEnd, decimal TargetValue, string? LatestPeriod, DateOnly? LatestPeriodEnd, decimal? LatestValue,
    decimal? Difference, decimal? Ratio, bool? Met, bool Final)
{
    /// <summary>
    /// Progress toward each target. <c>Difference</c> is latest − target. <c>Ratio</c> is the share of the way
    /// from baseline to target covered so far (0 at the baseline, 1 at the target), only for increase/decrease
    /// KPIs with a baseline. <c>Met</c>: whether the latest value meets the target in the KPI's direction.
    /// <c>Final</c>: whether the latest value's period ends no earlier than the target's, so that Met is the outcome
    /// rather than a snapshot.
    /// </summary>
    public static IReadOnlyList<KpiProgress> For(Kpi kpi)
    {
        var latest = Latest(kpi);
        var baseline = kpi.Figures.FirstOrDefault(f => f.Role == KpiFigureRole.Baseline);
        return [.. kpi.Figures.Where(f => f.Role == KpiFigureRole.Target).OrderBy(f => f.PeriodEnd).Select(target =>
        {
            if (latest is null)
            {
                return new KpiProgress(target.Period, target.PeriodEnd, target.Value, null, null, null, null, null, null, false);
            }
            // A share of the way only makes sense when the target lies the way the KPI should go from its baseline.
            var towardTarget = baseline is not null && kpi.Direction switch
            {
                KpiDirection.Increase => target.Value > baseline.Value,
                KpiDirection.Decrease => target.Value < baseline.Value,
                _ => false,
            };
            decimal? ratio = towardTarget ? Math.Round((latest.Value - baseline!.Value) / (target.Value - baseline.Value), 4) : null;
            var met = kpi.Direction == KpiDirection.Decrease ? latest.Value <= target.Value : latest.Value >= target.Value;
            return new KpiProgress(target.Period, target.PeriodEnd, target.Value, latest.Period, latest.PeriodEnd, latest.Value,
                latest.Value - target.Value, ratio, met, latest.PeriodEnd >= target.PeriodEnd);
        })];
    }

    /// <summary>The observation whose period ends last (the last entered wins a tie).</summary>
    public static KpiFigure? Latest(Kpi kpi) =>
        kpi.Figures.Where(f => f.Role == KpiFigureRole.Observation).OrderBy(f => f.PeriodEnd).ThenBy(f => f.Id).LastOrDefault();
}
