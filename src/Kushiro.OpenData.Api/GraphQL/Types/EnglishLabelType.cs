using GraphQL.Types;
using Kushiro.OpenData.Api.Labels;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class EnglishLabelType : ObjectGraphType<EnglishLabel>
{
    public EnglishLabelType()
    {
        Name = "EnglishLabel";
        Description = "The English of a goal, measure or sub-measure: this project's translation, not the city's (the Japanese stays the authoritative text).";
        Field<NonNullGraphType<StringGraphType>>("title").Description("English title.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Description("Short English description (sub-measures only): a summary of the Japanese, not a full translation.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<StringGraphType>>("provenance").Description("Always editorial: this project's translation.").Resolve(_ => Labels.EnglishLabelResource.EditorialProvenance);
    }
}
