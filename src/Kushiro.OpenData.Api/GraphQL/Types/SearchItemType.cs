using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class SearchItemType : UnionGraphType
{
    public SearchItemType()
    {
        Name = "SearchItem";
        Description = "Anything a search can find: a basic goal, measure, sub-measure or KPI.";
        Type<GoalType>();
        Type<MeasureType>();
        Type<SubMeasureType>();
        Type<KpiType>();
        // PossibleTypes holds the schema's instances of the four types once the schema is built.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.Name == value switch
        {
            GoalNode => "Goal",
            MeasureNode => "Measure",
            SubMeasureNode => "SubMeasure",
            KpiNode => "Kpi",
            _ => null,
        });
    }
}
