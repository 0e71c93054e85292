using GraphQL.Types;
using Kushiro.OpenData.Api.Search;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>A search hit with the terms it was found by (for its snippet).</summary>
public sealed record SearchResult(SearchHit Hit, IReadOnlyList<string> Terms);

public sealed class SearchResultType : ObjectGraphType<SearchResult>
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "One item found by a search: what it is, how well it matched, and where.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("What was found: goal, measure, sub-measure or kpi.").Resolve(c => c.Source.Hit.Document.Type);
        // A result is not an object of its own: the same item found by two searches is two results with other scores and
        // snippets. Caching clients (Apollo's InMemoryCache, urql's Graphcache) key objects by id and merged them, so
        // one search showed another's snippets. The item's ID is itemId; id stays for v1's clients.
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The found item's stable ID (as itemId).")
            .DeprecationReason("Not this result's own ID: caching clients that key objects by id (Apollo's InMemoryCache, urql's Graphcache) merge the results of different searches for one item. Use itemId.")
            .Resolve(c => c.Source.Hit.Document.Id);
        Field<NonNullGraphType<IdGraphType>>("itemId")
            .Description("The found item's stable ID, as its type's own id (`item { id }`).")
            .Resolve(c => c.Source.Hit.Document.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title (Japanese).").Resolve(c => c.Source.Hit.Document.Title);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance: higher is better. Comparable within one search only.").Resolve(c => c.Source.Hit.Score);
        Field<NonNullGraphType<StringGraphType>>("field")
            .Description("Which field the snippet is from: title, description, titleEn, descriptionEn, name or definition.")
            .Resolve(c => c.Source.Hit.Best.Name);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("Text around the match, each match in <mark>…</mark>, the rest HTML-escaped (safe to show as HTML).")
            .Resolve(c => SearchText.Snippet(c.Source.Hit.Best.Text, c.Source.Terms));
        Field<NonNullGraphType<SearchItemType>>("item")
            .Description("The item itself: a Goal, Measure, SubMeasure or Kpi.")
            .Resolve(c =>
            {
                var graph = (StrategyGraph)c.RootValue!;
                var id = c.Source.Hit.Document.Id;
                return c.Source.Hit.Document.Type switch
                {
                    "goal" => graph.Goal(id),
                    "measure" => graph.Measure(id),
                    "sub-measure" => graph.SubMeasure(id),
                    _ => (object?)graph.Kpi(id),
                };
            });
    }
}
