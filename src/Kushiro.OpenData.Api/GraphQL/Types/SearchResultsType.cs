using GraphQL;
using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>
/// One page of a search, as REST's /api/v1/search pages it; with what its facets count over: every hit before the
/// theme filter, the filter, and the snapshot they come from.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchResult> Results, int TotalCount, int Limit, int Offset,
    IReadOnlyList<Search.SearchHit> Found, Themes.ThemeFilter Filter, Strategy.ReadModel.StrategyGraph Graph);

public sealed class SearchResultsType : ObjectGraphType<SearchPage>
{
    public SearchResultsType()
    {
        Name = "SearchResults";
        Description = "One page of search results, best first: the same results, order and paging as REST's /api/v1/search.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items match in all (on every page).").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<IntGraphType>>("limit").Description("The most results on this page, as asked.").Resolve(c => c.Source.Limit);
        Field<NonNullGraphType<IntGraphType>>("offset").Description("How many results were skipped before this page, as asked.").Resolve(c => c.Source.Offset);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultType>>>>("results")
            .Description("This page's results, best first.")
            .Resolve(c => c.Source.Results)
            // Priced per result by the search field itself, from its limit.
            .WithComplexityImpact(1, 1);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeFacetType>>>>("facets")
            .Description("Counts per concept of the named theme schemes, the schemes in the order named and each scheme's concepts in its own order: REST's ?facets= for this search. An unknown scheme, or one named twice, is a request error naming it.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("schemes", "The schemes to count by, e.g. [\"sdgs\", \"fields\"].")
            .ValidateArguments(CheckSchemes)
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                var (schemes, _) = Themes.ThemeFacets.Parse(c.GetArgument<string[]>("schemes"), catalog);
                var counts = Themes.ThemeFacets.Count(schemes!, c.Source.Filter, c.Source.Found, hit => Search.SearchIndex.Under(c.Source.Graph, hit));
                return schemes!.SelectMany(s => counts![s.Id].Select(f => new ThemeFacet(catalog.ConceptRef(s.Id, f.Code)!, f.Count)));
            })
            .WithComplexityImpact(1, GraphQLLimits.ThemeSchemes * GraphQLLimits.ConceptsPerScheme);
    }

    // Each item one scheme, as a GraphQL list is: "sdgs,fields" is no scheme (REST's ?facets= is the comma-separated one).
    private static void CheckSchemes(global::GraphQL.Validation.FieldArgumentsValidationContext context)
    {
        var schemes = GraphQLThemes.ListArgument(context, "schemes")?.ToList() ?? [];
        if (Themes.ThemeFacets.Parse(schemes, context.RequestServices!.GetRequiredService<Themes.ThemeCatalog>()).Error is { } error)
        {
            context.ReportArgumentError("schemes", error, "INVALID_FACETS");
        }
    }
}
