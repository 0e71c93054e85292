using System.Text.RegularExpressions;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>Reading kpis.json: KPI definitions with their baseline, targets and observations, each figure sourced.</summary>
public static partial class SeedReader
{
    public const int MaxKpiIdLength = 48;
    private static readonly string[] FigureFields = ["period", "value", "note", "source", "provenance"];

    private static Kpi ReadKpi(SeedRecord r)
    {
        var id = CheckedId(r, KpiIdPattern(), MaxKpiIdLength);
        var direction = r.Text("direction");
        if (direction.Length > 0 && !KpiDirection.All.Contains(direction))
        {
            r.Error("direction", $"must be one of {string.Join(", ", KpiDirection.All)}");
        }
        var statistics = r.OptionalNested("statistics", ["name", "governmentStatisticsCode"]);
        var statisticsCode = statistics?.Text("governmentStatisticsCode");
        if (statisticsCode is { Length: > 0 } && !GovernmentStatisticsCode().IsMatch(statisticsCode))
        {
            statistics!.Error("governmentStatisticsCode", $"\"{statisticsCode}\" is not an 8-digit 政府統計コード");
        }
        var kpi = new Kpi
        {
            Id = id,
            PlanId = "",
            GoalId = r.OptionalText("goalId"),
            MeasureId = r.OptionalText("measureId"),
            Name = r.Text("name"),
            Definition = r.Text("definition"),
            Unit = r.Text("unit"),
            Direction = direction,
            StatisticsName = statistics?.Text("name"),
            StatisticsCode = statisticsCode,
            Origin = KpiOrigin.Seed,
        };
        if (r.OptionalNested("baseline", FigureFields) is { } baseline)
        {
            kpi.Figures.Add(ReadFigure(baseline, id, KpiFigureRole.Baseline));
        }
        kpi.Figures.AddRange(r.NestedArray("targets", FigureFields).Select(t => ReadFigure(t, id, KpiFigureRole.Target)));
        kpi.Figures.AddRange(r.NestedArray("observations", FigureFields).Select(o => ReadFigure(o, id, KpiFigureRole.Observation)));
        foreach (var repeated in kpi.Figures.GroupBy(f => (f.Role, f.Period)).Where(g => g.Count() > 1))
        {
            r.Error(repeated.Key.Role == KpiFigureRole.Target ? "targets" : "observations", $"period \"{repeated.Key.Period}\" appears more than once");
        }
        return kpi;
    }

    private static KpiFigure ReadFigure(SeedRecord r, string kpiId, string role)
    {
        var period = r.Text("period");
        var end = default(DateOnly);
        if (period.Length > 0 && !KpiPeriod.TryParse(period, out end))
        {
            r.Error("period", $"\"{period}\" is not a period: use {KpiPeriod.Description}");
        }
        var provenance = r.Provenance("provenance");
        var source = r.Nested("source", ["title", "url", "page"]);
        var url = source?.OptionalText("url");
        // "" is a blank or non-string value, which has had its message.
        if (url is { Length: > 0 } && !KpiValue.IsWebAddress(url))
        {
            source!.Error("url", $"\"{url}\" is not an absolute http(s) URL in RFC 3986 characters without user information");
        }
        if (url is null && provenance == KpiProvenance.Official)
        {
            source?.Error("url", "is required for an official figure: say where it was published");
        }
        var value = r.Decimal("value", KpiValue.Rule);
        if (!KpiValue.IsStorable(value))
        {
            r.Error("value", $"must have {KpiValue.Rule}");
        }
        return new KpiFigure
        {
            KpiId = kpiId,
            Role = role,
            Period = period,
            PeriodEnd = end,
            Value = value,
            Note = r.OptionalText("note"),
            SourceTitle = source?.Text("title") ?? "",
            SourceUrl = url,
            SourcePage = source?.OptionalText("page"),
            Provenance = provenance,
            Origin = KpiOrigin.Seed,
        };
    }

    private static void CheckKpiScopes(List<Located<Kpi>> kpis, List<Located<Strategy.Goal>> goals, List<Located<Strategy.Measure>> measures)
    {
        var goalIds = goals.Select(g => g.Value.Id).ToHashSet(StringComparer.Ordinal);
        // Duplicate measure IDs are reported elsewhere; the first one stands for the check here.
        var measureGoals = measures.GroupBy(m => m.Value.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value.GoalId, StringComparer.Ordinal);
        foreach (var (r, kpi) in kpis)
        {
            if (kpi.GoalId is { } goalId && !goalIds.Contains(goalId))
            {
                r.Error("goalId", $"no basic goal has ID \"{goalId}\"");
            }
            if (kpi.MeasureId is { } measureId && !measureGoals.ContainsKey(measureId))
            {
                r.Error("measureId", $"no measure has ID \"{measureId}\"");
            }
            else if (kpi.MeasureId is not null && measureGoals[kpi.MeasureId] != kpi.GoalId)
            {
                r.Error("goalId", $"must be \"{measureGoals[kpi.MeasureId]}\", the goal of measure \"{kpi.MeasureId}\"");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex KpiIdPattern();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex GovernmentStatisticsCode();
}
