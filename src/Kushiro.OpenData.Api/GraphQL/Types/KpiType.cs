using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class KpiType : ObjectGraphType<KpiNode>
{
    public KpiType()
    {
        Name = "Kpi";
        Description = "A numeric target (数値目標) of the plan or a basic goal, or a KPI (重要業績評価指標) of a measure. The same as REST's /api/v1/kpis/{id}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable ID of the KPI, e.g. \"population-outlook\".").Resolve(c => c.Source.Kpi.Id);
        Field<NonNullGraphType<StringGraphType>>("level").Description("What the KPI belongs to: plan, goal or measure.").Resolve(c => c.Source.Kpi.Level);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("numericTarget (数値目標, of the plan or a goal) or kpi (重要業績評価指標, of a measure).").Resolve(c => c.Source.Kpi.Kind);
        Field<IdGraphType>("goalId").Description("The basic goal it belongs to (also for a measure's KPI); null for the plan's own targets.").Resolve(c => c.Source.Kpi.GoalId);
        Field<IdGraphType>("measureId").Description("The measure it belongs to; null unless level is measure.").Resolve(c => c.Source.Kpi.MeasureId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name of the KPI (Japanese).").Resolve(c => c.Source.Kpi.Name);
        Field<NonNullGraphType<StringGraphType>>("definition").Description("What is counted and how (Japanese).").Resolve(c => c.Source.Kpi.Definition);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("Unit of every figure, as written (単位表記), e.g. 人.").Resolve(c => c.Source.Kpi.Unit);
        Field<NonNullGraphType<StringGraphType>>("direction").Description("Which way is better: increase, decrease, or maintain (keep at or above the target).").Resolve(c => c.Source.Kpi.Direction);
        Field<KpiStatisticsType>("statistics").Description("The official statistic the figures come from, where one applies.").Resolve(c => c.Source.Kpi.Statistics);
        Field<KpiFigureType>("baseline").Description("The baseline (基準値), if the plan states one.").Resolve(c => c.Source.Kpi.Baseline);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiFigureType>>>>("targets").Description("Targets (目標値), by period.").Resolve(c => c.Source.Kpi.Targets)
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(3, s => s.TargetsPerKpi));
        Field<KpiFigureType>("latest").Description("The observation whose period ends last (of two that end on the same day, the one entered last), or null before the first.").Resolve(c => c.Source.Kpi.Latest);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiProgressType>>>>("progress").Description("Progress toward each target, from the latest observation and the baseline.").Resolve(c => c.Source.Kpi.Progress)
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(3, s => s.TargetsPerKpi));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiFigureType>>>>("observations").Description("All observations (実績値), oldest period first.").Resolve(c => c.Source.Observations)
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(GraphQLLimits.ObservationsPerKpi, s => s.ObservationsPerKpi));
        this.ThemesField("what the KPI belongs to (its measure or goal; nothing for the plan's own targets)", c => ThemeFilter.Under((StrategyGraph)c.RootValue!, "kpi", c.Source.Kpi.Id));
        Field<NonNullGraphType<StringGraphType>>("origin").Description("seed (the project's seed files: name, definition and direction are this project's wording) or staff (entered by city staff).").Resolve(c => c.Source.Kpi.Origin);
    }
}
