using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class MeasureType : ObjectGraphType<MeasureNode>
{
    public MeasureType()
    {
        Name = "Measure";
        Description = "A measure (施策・節) under a basic goal.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable ID of the measure: {goal}-{n}, e.g. \"4-2\". The same ID as in the REST API.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("marker")
            .Description("The measure's marker as printed in the document, e.g. ①.")
            .Resolve(c => c.Source.Marker);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("Title of the measure, exactly as in the source document (Japanese).")
            .Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IntGraphType>>("order")
            .Description("Position among the goal's measures, from 1.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<GoalType>>("goal")
            .Description("The basic goal (基本目標) the measure belongs to.")
            .Resolve(c => c.Source.Goal);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubMeasureType>>>>("subMeasures")
            .Description("The measure's sub-measures (施策・細節), in document order.")
            .Resolve(c => c.Source.SubMeasures)
            .WithComplexityImpact(1, GraphQLLimits.SubMeasuresPerMeasure);
        Field<EnglishLabelType>("en")
            .Description("The measure's English title (this project's translation, provenance editorial); null if it has none.")
            .Resolve(c => c.English("measure", c.Source.Id));
        this.ThemesField("the measure", c => c.Source.SubMeasures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiType>>>>("kpis")
            .Description("The measure's KPIs (重要業績評価指標).")
            .Resolve(c => c.Source.Kpis)
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(GraphQLLimits.KpisPerOwner, s => s.KpisPerOwner));
    }
}
