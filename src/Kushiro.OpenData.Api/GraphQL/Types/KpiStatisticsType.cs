using GraphQL.Types;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class KpiStatisticsType : ObjectGraphType<KpiStatisticsResource>
{
    public KpiStatisticsType()
    {
        Name = "KpiStatistics";
        Description = "An official statistic, identified as e-Stat does.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name of the statistic, e.g. 国勢調査.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("governmentStatisticsCode").Description("政府統計コード (8 digits), as used by e-Stat, e.g. 00200521.").Resolve(c => c.Source.GovernmentStatisticsCode);
    }
}
