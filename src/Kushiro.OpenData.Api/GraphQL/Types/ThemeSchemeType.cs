using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class ThemeSchemeType : ObjectGraphType<ThemeScheme>
{
    public ThemeSchemeType()
    {
        Name = "ThemeScheme";
        Description = "A code list the strategy is mapped to (a SKOS concept scheme): sdgs, national, digiden or fields. The same as REST's /api/v1/themes/{scheme}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable ID of the scheme, as in theme references scheme:code, e.g. \"sdgs\".").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title of the scheme (Japanese), as its publisher gives it.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("titleEn").Description("English title (this project's translation where the publisher has none).").Resolve(c => c.Source.TitleEn);
        Field<NonNullGraphType<StringGraphType>>("publisher").Description("Who publishes what the scheme lists.").Resolve(c => c.Source.Publisher);
        Field<NonNullGraphType<StringGraphType>>("issued").Description("When it was issued, e.g. 2019-12-20.").Resolve(c => c.Source.Issued);
        Field<NonNullGraphType<StringGraphType>>("note").Description("Provenance of the list and its labels.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<StringGraphType>>("labelEnProvenance").Description("Whose the concepts' English labels are: official (the publisher's own words, the UN's short titles for the SDGs; the scheme's note says what could not be checked against the original) or editorial (this project's translation).").Resolve(c => c.Source.LabelEnProvenance);
        Field<NonNullGraphType<StringGraphType>>("sourceTitle").Description("The document the concepts are taken from.").Resolve(c => c.Source.SourceTitle);
        Field<StringGraphType>("sourceUrl").Description("Where that document is published, where a URL could be confirmed.").Resolve(c => c.Source.SourceUrl);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeConceptType>>>>("concepts")
            .Description("The scheme's concepts, in published order.")
            .Resolve(c => c.Source.Concepts.Select(concept => new ThemeConceptRef(c.Source, concept)))
            .WithComplexityImpact(1, GraphQLLimits.ConceptsPerScheme);
    }
}
