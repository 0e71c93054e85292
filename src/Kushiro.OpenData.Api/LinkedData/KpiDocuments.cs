using System.Globalization;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// KPIs as JSON-LD: every figure an ic:数量型 with ic:数値 (an exact xsd:decimal, written as a string so that no
/// JSON number rounding can touch it) and ic:単位表記, its period an ic:期間型, its source an ic:文書型.
/// </summary>
public sealed class KpiDocuments(LinkedDataIris iris, string planId)
{
    public JsonObject Kpi(KpiNode node)
    {
        var k = node.Kpi;
        var self = iris.Kpi(k.Id);
        var result = new JsonObject
        {
            ["id"] = self,
            ["type"] = new JsonArray("Kpi", k.Kind == "kpi" ? "PerformanceIndicator" : "NumericTarget"),
            ["ID"] = StrategyDocuments.Identifier(self, k.Id),
            ["表記"] = StaffText.Literal(k.Name),
            ["説明"] = StaffText.Literal(k.Definition),
            ["単位表記"] = k.Unit,
            ["level"] = k.Level,
            // What it is a KPI of: the plan, goal or measure whose document lists it under kpis (kod:kpi, reversed), so
            // that its own document leads back there; the plan's own targets, which have no goal or measure, too.
            // (As its level is decided: a measure's KPI names its goal too.)
            ["kpiOf"] = k.MeasureId is { } measureId ? iris.Measure(measureId) : k.GoalId is { } goalId ? iris.Goal(goalId) : iris.Plan(planId),
            ["direction"] = k.Direction,
            ["origin"] = k.Origin,
            ["targets"] = new JsonArray([.. k.Targets.Select(t => (JsonNode)Figure(k, "target", t))]),
            ["observations"] = new JsonArray([.. node.Observations.Select(o => (JsonNode)Figure(k, "observation", o))]),
            ["progress"] = new JsonArray([.. k.Progress.Select(p => (JsonNode)Progress(k, p))]),
        };
        if (k.GoalId is { } goal)
        {
            result["goal"] = iris.Goal(goal);
        }
        if (k.MeasureId is { } measure)
        {
            result["measure"] = iris.Measure(measure);
        }
        if (k.Baseline is { } baseline)
        {
            result["baseline"] = Figure(k, "baseline", baseline);
        }
        if (k.Latest is { } latest)
        {
            result["latest"] = iris.Figure(k.Id, "observation", latest.Period);
        }
        if (k.Statistics is { } statistics)
        {
            result["statistics"] = new JsonObject
            {
                ["id"] = LinkedDataIris.Part(self, "statistics"),
                ["type"] = "コード型",
                ["識別値"] = statistics.GovernmentStatisticsCode,
                ["表記"] = StaffText.Literal(statistics.Name),
                ["コード種別"] = new JsonObject
                {
                    // One node for every KPI's statistic, described in the vocabulary (/ns).
                    ["id"] = iris.Vocabulary(GovernmentStatisticsCodes),
                    ["type"] = "コードリスト型",
                    ["表記"] = "政府統計コード（e-Stat）",
                },
            };
        }
        return result;
    }

    /// <summary>The vocabulary's individual for the 政府統計コード (vocabulary.jsonld names it alike).</summary>
    internal const string GovernmentStatisticsCodes = "governmentStatisticsCodes";

    public JsonObject Figure(KpiResource kpi, string role, KpiFigureResource f)
    {
        var self = iris.Figure(kpi.Id, role, f.Period);
        var node = new JsonObject
        {
            ["id"] = self,
            ["type"] = new JsonArray(role switch { "baseline" => "Baseline", "target" => "Target", _ => "Observation" }, "数量型"),
            // The way back: a list of observations, or a figure's /id/ IRI followed, has no KPI node around it.
            ["indicator"] = iris.Kpi(kpi.Id),
            ["数値"] = Decimal(f.Value),
            ["単位表記"] = kpi.Unit,
            // A period is not Japanese text: a plain literal, not the ja-tagged default of 表記.
            ["期間"] = new JsonObject
            {
                ["id"] = LinkedDataIris.Part(self, "period"),
                ["type"] = "期間型",
                ["表記"] = new JsonObject { ["@value"] = f.Period },
            },
            ["periodEnd"] = f.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["source"] = Source(LinkedDataIris.Part(self, "source"), f.Source),
            ["provenance"] = f.Provenance,
            ["origin"] = f.Origin,
        };
        if (f.Note is { } note)
        {
            node["note"] = StaffText.Literal(note);
        }
        return node;
    }

    private JsonObject Progress(KpiResource kpi, KpiProgressResource p)
    {
        var node = new JsonObject
        {
            // One per target: the target's period names it.
            ["id"] = LinkedDataIris.Part(iris.Kpi(kpi.Id), $"progress/{p.TargetPeriod}"),
            ["type"] = "Progress",
            ["forTarget"] = iris.Figure(kpi.Id, "target", p.TargetPeriod),
            ["final"] = p.Final,
        };
        // The node's IRI stays while a new observation changes its values: which observation they rest on is said, so a
        // store that keeps an older harvest beside a newer one can tell the two statements apart.
        if (p.LatestPeriod is { } latest)
        {
            node["comparedWith"] = iris.Figure(kpi.Id, "observation", latest);
        }
        if (p.Difference is { } difference)
        {
            node["difference"] = Decimal(difference);
        }
        if (p.Ratio is { } ratio)
        {
            node["ratio"] = Decimal(ratio);
        }
        if (p.Met is { } met)
        {
            node["met"] = met;
        }
        return node;
    }

    private static JsonObject Source(string id, FigureSourceResource s)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = "文書型", ["表記"] = StaffText.Literal(s.Title) };
        if (s.Url is { } url)
        {
            node["url"] = url;
        }
        if (s.Page is { } page)
        {
            node["page"] = page;
        }
        return node;
    }

    private static string Decimal(decimal value) => KpiMapping.Normalized(value).ToString(CultureInfo.InvariantCulture);
}
