using GraphQL.Types;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class FigureSourceType : ObjectGraphType<FigureSourceResource>
{
    public FigureSourceType()
    {
        Name = "FigureSource";
        Description = "Where a figure was published.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title of the publication.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("url").Description("Where to read it; always set for official figures.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("page").Description("Page or section within it, if useful.").Resolve(c => c.Source.Page);
    }
}
