using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class GoalType : ObjectGraphType<GoalNode>
{
    public GoalType()
    {
        Name = "Goal";
        Description = "A basic goal (基本目標) of the strategy.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable ID of the basic goal: its number in the document, e.g. \"4\". The same ID as in the REST API.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("marker")
            .Description("The goal's marker as printed in the document.")
            .Resolve(c => c.Source.Marker);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("Title of the basic goal, exactly as in the source document (Japanese).")
            .Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("order")
            .Description("Position among the plan's basic goals, from 1.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeasureType>>>>("measures")
            .Description("The goal's measures (施策・節), in document order.")
            .Resolve(c => c.Source.Measures)
            .WithComplexityImpact(1, GraphQLLimits.MeasuresPerGoal);
        Field<EnglishLabelType>("en")
            .Description("The goal's English title (this project's translation, provenance editorial); null if it has none.")
            .Resolve(c => c.English("goal", c.Source.Id));
        this.ThemesField("the goal", c => c.Source.Measures.SelectMany(m => m.SubMeasures));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeMappingType>>>>("alignments")
            .Description("The goal's alignments as a whole to the national 第2期 strategy's goals and the デジタル田園都市国家構想 themes, with provenance and rationale: the same as REST's goal alignments.")
            .Argument<IdGraphType>("scheme", "Only alignments to this scheme, e.g. \"national\". An unknown scheme is an error naming it.")
            .ValidatesThemes()
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                var scheme = c.SchemeArgument();
                return catalog.OfGoal(c.Source.Id)
                    .Where(a => scheme is null || a.Scheme == scheme)
                    .Select(a => catalog.ConceptRef(a.Scheme, a.Code) is { } concept ? new ThemeMappingRef(concept, a.Provenance, a.Rationale) : null)
                    .OfType<ThemeMappingRef>();
            })
            .WithComplexityImpact(1, GraphQLLimits.ConceptsPerItem);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiType>>>>("kpis")
            .Description("The goal's own numeric targets (数値目標); its measures' KPIs are on each measure.")
            .Resolve(c => c.Source.Kpis)
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(GraphQLLimits.KpisPerOwner, s => s.KpisPerOwner));
    }
}
