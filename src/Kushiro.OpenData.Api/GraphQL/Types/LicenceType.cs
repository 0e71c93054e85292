using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class LicenceType : ObjectGraphType<Licence>
{
    public LicenceType()
    {
        Name = "Licence";
        Description = "A licence under which data is published.";
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("Name of the licence, e.g. 公共データ利用規約（第1.0版）.")
            .Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("Where the licence text is published.")
            .Resolve(c => c.Source.Url);
        Field<StringGraphType>("compatibleWith")
            .Description("A better-known licence this one is compatible with, if any (e.g. CC BY 4.0).")
            .Resolve(c => c.Source.CompatibleWith);
    }
}
