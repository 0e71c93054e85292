using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>How many results a search would have under one concept: REST's facet count.</summary>
public sealed record ThemeFacet(ThemeConceptRef Concept, int Count);

public sealed class ThemeFacetType : ObjectGraphType<ThemeFacet>
{
    public ThemeFacetType()
    {
        Name = "ThemeFacet";
        Description = "How many results the search would have with this concept as its filter on the concept's scheme (the other schemes' filters kept): what following it gives, as REST's facets count.";
        Field<NonNullGraphType<ThemeConceptType>>("concept").Description("The concept counted.").Resolve(c => c.Source.Concept);
        Field<NonNullGraphType<IntGraphType>>("count").Description("The search's totalCount with theme: [\"{scheme}:{code}\"] in place of any other filter on this scheme.").Resolve(c => c.Source.Count);
    }
}
