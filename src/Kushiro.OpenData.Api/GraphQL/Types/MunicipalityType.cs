using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class MunicipalityType : ObjectGraphType<MunicipalityNode>
{
    public MunicipalityType()
    {
        Name = "Municipality";
        Description = "A municipality (市町村), identified by its 全国地方公共団体コード.";
        Field<NonNullGraphType<StringGraphType>>("localGovernmentCode")
            .Description("全国地方公共団体コード: six digits with check digit, kept as text (012068 for 釧路市).")
            .Resolve(c => c.Source.LocalGovernmentCode);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("Name of the municipality, e.g. 釧路市.")
            .Resolve(c => c.Source.Name);
        Field<NonNullGraphType<PrefectureType>>("prefecture")
            .Description("The prefecture the municipality belongs to.")
            .Resolve(c => c.Source.Prefecture);
    }
}
