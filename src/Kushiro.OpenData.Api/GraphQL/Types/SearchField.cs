using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Search;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>Query.search: REST's /api/v1/search with the same rules, checked while the document is validated.</summary>
public static class SearchField
{
    public static void AddSearchField(this ObjectGraphType<StrategyGraph> query) =>
        query.Field<SearchResultsType>("search")
            .Description("Japanese full-text search over titles, descriptions, KPI names and definitions, and English labels: no word breaks needed (子育て finds 働きながら子育てしやすい), width and case folded by NFKC (ＭＩＣＥ finds MICE), katakana as hiragana (からまつ finds カラマツ), old character forms as new ones (適応 finds 適應), a few words in each of their spellings (子供 finds 子ども; README lists them); terms separated by spaces (tabs and line breaks count as spaces) must all match, a dash right after kana read as ー; ranked and paged as REST's /api/v1/search. A blank, over-long or invalid q (punctuation or dashes alone, a control character other than a tab or a line break), an unknown theme, or limit or offset out of range is a request error naming it, whose first location is the argument.")
            .Argument<NonNullGraphType<StringGraphType>>("q", "What to look for: one or more terms separated by spaces, at most 200 characters.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("theme", GraphQLThemes.ThemeArgumentDescription)
            .Argument<IntGraphType>("limit", "How many results to return: 1 to 200. Null, as absent, is the default.", a => a.DefaultValue = PageQuery.DefaultLimit)
            .Argument<IntGraphType>("offset", "How many results to skip: 0 or more. Null, as absent, is the default.", a => a.DefaultValue = 0)
            .Argument<BooleanGraphType>(RelistedArgument.Name, RelistedArgument.Description)
            .ValidateArguments(Check)
            // Every search scans the index (priced like a list of 20), and returns at most limit results.
            .WithComplexityImpact(c => new FieldComplexityResult(20, Math.Min(Limit(c.GetArgument<int?>("limit", null)), GraphQLLimits.SearchResults)))
            .Resolve(c =>
            {
                var terms = SearchText.ParseQuery(c.GetArgument<string>("q")).Terms;
                var (limit, offset) = (Limit(c.GetArgument<int?>("limit")), c.GetArgument<int?>("offset") ?? 0);
                var (found, filter) = (c.Source.Search.Find(terms, c.GetArgument<bool?>(RelistedArgument.Name), c.Source), c.ThemeFilter());
                var hits = SearchIndex.Within(found, filter, c.Source);
                return new SearchPage([.. hits.Skip(offset).Take(limit).Select(h => new SearchResult(h, terms))], hits.Count, limit, offset, found, filter, c.Source);
            });

    private static int Limit(int? limit) => limit ?? PageQuery.DefaultLimit;

    private static void Check(FieldArgumentsValidationContext context)
    {
        if (SearchText.ParseQuery(context.GetArgument<string?>("q")).Error is { } queryError)
        {
            context.ReportArgumentError("q", queryError, "INVALID_QUERY");
        }
        if (context.GetArgument<int?>("limit") is < 1 or > PageQuery.MaxLimit)
        {
            context.ReportArgumentError("limit", $"\"limit\" must be a whole number from 1 to {PageQuery.MaxLimit}.", "INVALID_PAGE");
        }
        if (context.GetArgument<int?>("offset") is < 0)
        {
            context.ReportArgumentError("offset", $"\"offset\" must be a whole number from 0 to {int.MaxValue}.", "INVALID_PAGE");
        }
        GraphQLThemes.CheckThemes(context);
    }
}
