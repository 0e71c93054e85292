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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiType>>>>("kpis")
            .Description("The goal's own numeric targets (数値目標); its measures' KPIs are on each measure.")
            .Resolve(c => c.Source.Kpis)
            .WithComplexityImpact(1, GraphQLLimits.KpisPerOwner);
    }
}
