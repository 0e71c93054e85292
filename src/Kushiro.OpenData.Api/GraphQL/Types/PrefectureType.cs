using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class PrefectureType : ObjectGraphType<PrefectureNode>
{
    public PrefectureType()
    {
        Name = "Prefecture";
        Description = "A prefecture (都道府県), identified by its 全国地方公共団体コード.";
        Field<NonNullGraphType<StringGraphType>>("localGovernmentCode")
            .Description("全国地方公共団体コード: six digits with check digit, kept as text (010006 for 北海道).")
            .Resolve(c => c.Source.LocalGovernmentCode);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("Name of the prefecture, e.g. 北海道.")
            .Resolve(c => c.Source.Name);
    }
}
