using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <remarks>The root value is the current <see cref="StrategyGraph"/>; every field reads it in memory.</remarks>
public sealed class QueryType : ObjectGraphType<StrategyGraph>
{
    public QueryType()
    {
        Name = "Query";
        Description = "Entry points into the strategy: the plan, its basic goals (基本目標), measures (施策・節) and sub-measures (施策・細節).";

        Field<NonNullGraphType<PlanType>>("plan")
            .Description("The plan as a whole.")
            .Resolve(c => c.Source);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>>("goals")
            .Description("All basic goals (基本目標), in document order; with theme, those under the theme concepts.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("theme", GraphQLThemes.ThemeArgumentDescription)
            .ValidatesThemes()
            .Resolve(c => c.ThemeFilter() is { IsEmpty: false } filter
                ? c.Source.Goals.Where(g => filter.Matches(ThemeFilter.Under(c.Source, "goal", g.Id)))
                : c.Source.Goals)
            .WithComplexityImpact(1, GraphQLLimits.Goals);

        Field<GoalType>("goal")
            .Description("One basic goal by ID, or null if no goal has it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the basic goal, e.g. \"1\".")
            .Resolve(c => c.Source.Goal(c.GetArgument<string>("id")));

        Field<ListGraphType<NonNullGraphType<MeasureType>>>("measures")
            .Description("Measures (施策・節) in document order: all of them, or those of one basic goal. An unknown goalId is an error (and this field null), never a silent empty list.")
            .Argument<IdGraphType>("goalId", "Only the measures of this basic goal.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("theme", GraphQLThemes.ThemeArgumentDescription)
            .ValidatesThemes()
            .Resolve(c =>
            {
                var goalId = c.GetArgument<string?>("goalId");
                var filter = c.ThemeFilter();
                return (goalId is null ? c.Source.Measures : KnownGoal(c.Source, goalId).Measures)
                    .Where(m => filter.Matches(m.SubMeasures));
            })
            .WithComplexityImpact(1, GraphQLLimits.AllMeasures);

        Field<MeasureType>("measure")
            .Description("One measure by ID, or null if no measure has it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the measure, e.g. \"4-2\".")
            .Resolve(c => c.Source.Measure(c.GetArgument<string>("id")));

        Field<ListGraphType<NonNullGraphType<SubMeasureType>>>("subMeasures")
            .Description("Sub-measures (施策・細節) in document order, re-listings (再掲) included: all of them, or those of a basic goal and/or a measure (both given, the measure must be of that goal); relisted narrows them to the originals (false) or to the re-listings (true). Unknown IDs and a measure of another goal are errors (and this field null), never a silent empty list.")
            .Argument<IdGraphType>("goalId", "Only the sub-measures of this basic goal.")
            .Argument<IdGraphType>("measureId", "Only the sub-measures of this measure.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("theme", GraphQLThemes.ThemeArgumentDescription)
            .Argument<BooleanGraphType>(RelistedArgument.Name, RelistedArgument.Description)
            .ValidatesThemes()
            .Resolve(c =>
            {
                var goalId = c.GetArgument<string?>("goalId");
                var measureId = c.GetArgument<string?>("measureId");
                var goal = goalId is null ? null : KnownGoal(c.Source, goalId);
                var measure = measureId is null ? null : KnownMeasure(c.Source, measureId);
                ThrowIfFiltersDisagree(c.Source, goalId, measureId);
                var filter = c.ThemeFilter();
                var relisted = c.GetArgument<bool?>(RelistedArgument.Name);
                return c.Source.SubMeasures.Where(s => (goal is null || s.Goal == goal) && (measure is null || s.Measure == measure)
                    && s.KeptBy(relisted) && filter.Matches([s]));
            })
            .WithComplexityImpact(1, GraphQLLimits.AllSubMeasures);

        Field<ListGraphType<NonNullGraphType<KpiType>>>("kpis")
            .Description("Numeric targets and KPIs in document order: all of them, or those of a basic goal (its own and its measures') or of a measure (both given, the measure must be of that goal). Unknown IDs and a measure of another goal are errors (and this field null), never a silent empty list.")
            .Argument<IdGraphType>("goalId", "Only KPIs of this basic goal and its measures.")
            .Argument<IdGraphType>("measureId", "Only KPIs of this measure.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("theme", GraphQLThemes.ThemeArgumentDescription)
            .ValidatesThemes()
            .Resolve(c =>
            {
                var goalId = c.GetArgument<string?>("goalId");
                var measureId = c.GetArgument<string?>("measureId");
                var goal = goalId is null ? null : KnownGoal(c.Source, goalId);
                var measure = measureId is null ? null : KnownMeasure(c.Source, measureId);
                ThrowIfFiltersDisagree(c.Source, goalId, measureId);
                var filter = c.ThemeFilter();
                return c.Source.Kpis.Where(k => (goal is null || k.Kpi.GoalId == goal.Id) && (measure is null || k.Kpi.MeasureId == measure.Id)
                    && filter.Matches(ThemeFilter.Under(c.Source, "kpi", k.Kpi.Id)));
            })
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(GraphQLLimits.AllKpis, s => s.Kpis));

        Field<KpiType>("kpi")
            .Description("One numeric target or KPI by ID, or null if none has it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the KPI, e.g. \"population-outlook\".")
            .Resolve(c => c.Source.Kpi(c.GetArgument<string>("id")));

        Field<SubMeasureType>("subMeasure")
            .Description("One sub-measure by ID, or null if no sub-measure has it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the sub-measure, e.g. \"4-2-2\".")
            .Resolve(c => c.Source.SubMeasure(c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeSchemeType>>>>("themeSchemes")
            .Description("The theme code lists (SKOS concept schemes) items are mapped to: sdgs, national, digiden, fields.")
            .Resolve(c => c.Catalog().Schemes)
            .WithComplexityImpact(1, GraphQLLimits.ThemeSchemes);

        Field<ThemeSchemeType>("themeScheme")
            .Description("One theme scheme by ID, or null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the scheme, e.g. \"sdgs\".")
            .Resolve(c => c.Catalog().Scheme(c.GetArgument<string>("id")));

        Field<ThemeConceptType>("themeConcept")
            .Description("One theme concept by scheme and code, or null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("scheme", "ID of the scheme, e.g. \"sdgs\".")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Code of the concept, e.g. \"14\".")
            .Resolve(c => c.Catalog().ConceptRef(c.GetArgument<string>("scheme"), c.GetArgument<string>("code")));

        this.AddSearchField();
    }

    private static GoalNode KnownGoal(StrategyGraph graph, string id) =>
        graph.Goal(id) ?? throw new ExecutionError($"No basic goal has ID \"{id}\"{Http.IdSpelling.Hint(id)}.") { Code = "UNKNOWN_ID" };

    private static void ThrowIfFiltersDisagree(StrategyGraph graph, string? goalId, string? measureId)
    {
        if (Strategy.GoalOfMeasure.Disagreement(graph, goalId, measureId, "goalId") is { } disagreement)
        {
            throw new ExecutionError(disagreement) { Code = "CONFLICTING_FILTERS" };
        }
    }

    private static MeasureNode KnownMeasure(StrategyGraph graph, string id) =>
        graph.Measure(id) ?? throw new ExecutionError($"No measure has ID \"{id}\"{Http.IdSpelling.Hint(id)}.") { Code = "UNKNOWN_ID" };
}
