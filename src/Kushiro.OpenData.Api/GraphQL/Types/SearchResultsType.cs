using GraphQL;
using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>One page of a search, as REST's /api/v1/search pages it.</summary>
public sealed record SearchPage(IReadOnlyList<SearchResult> Results, int TotalCount, int Limit, int Offset);

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
    }
}
