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
        Field<NonNullGraphType<IdGraphType>>("id").Description("Its stable ID.").Resolve(c => c.Source.Hit.Document.Id);
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
