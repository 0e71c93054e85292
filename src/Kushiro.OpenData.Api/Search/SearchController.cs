using System.ComponentModel.DataAnnotations;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Search;

/// <summary>Japanese full-text search over the strategy.</summary>
[Route("api/v{version:apiVersion}/search")]
[Tags("Search")]
public sealed class SearchController(StrategyReadModel readModel, Themes.ThemeCatalog themes) : ApiV1Controller
{
    /// <summary>Search titles, descriptions and KPI names.</summary>
    /// <remarks>Matching needs no word breaks (子育て finds 働きながら子育てしやすい) and folds width and case by NFKC (ＭＩＣＥ finds MICE), katakana to hiragana (からまつ finds カラマツ) and old character forms to new ones (適応 finds 適應); a few words are found in each of their spellings (子供 finds 子ども; README lists them). Terms separated by spaces (tabs and line breaks count as spaces) must all match; a dash right after kana is read as ー (エネルギ－ finds エネルギー). Ranked by where and how often the terms occur (titles count three times as much as descriptions), then by kind (goals, measures, sub-measures, KPIs) and within a kind in document order; paged with <c>limit</c> and <c>offset</c>.</remarks>
    /// <param name="q" example="子育て">What to look for: one or more terms separated by spaces, at most 200 characters.</param>
    /// <param name="theme" example="sdgs:3">Only results under this theme concept, as on the lists (<c>scheme:code</c>, repeatable: OR within a scheme, AND across schemes). A KPI is under the themes of what it belongs to.</param>
    /// <param name="page">Paging.</param>
    /// <param name="relisted" example="false">Re-listings (再掲) or not, as on /api/v1/sub-measures: <c>false</c> leaves them out, so that each policy is found and counted in <c>total</c> once; <c>true</c> returns only them. Absent: both.</param>
    /// <param name="facets" example="sdgs">Comma-separated theme schemes to count the results by, as on the lists; the counts come in <c>facets</c> (JSON only): per concept, the total this search would have with <c>theme={scheme}:{code}</c> in place of any other filter on that scheme.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of results, best first.</response>
    /// <response code="400">q is missing, blank, too long, punctuation or dashes alone, or holds a control character other than a tab or a line break; or theme or facets is not written as on the lists (scheme:code; distinct schemes, comma-separated) or names no scheme or concept there is; the problem says which.</response>
    [HttpGet(Name = "search")]
    [ProducesResponseType<Page<SearchResultResource>>(StatusCodes.Status200OK, "application/json", Csv.CsvFormat.MediaType)]
    public async Task<ActionResult<Page<SearchResultResource>>> Search(
        // [Required] so that the contract, and a client generated from it, says what this action enforces (it answers
        // blank q the same way). A q that is too long, not text or without a term gets the action's own 400 below.
        [FromQuery, Required(ErrorMessage = SearchText.NothingToSearchFor), FreeText] string? q,
        // relisted after paging: it came after v1's first release, and generated clients take parameters in this order.
        // facets after relisted, for the same reason.
        [FromQuery] string[]? theme, [FromQuery] PageQuery page, [FromQuery] bool? relisted, [FromQuery] string? facets,
        CancellationToken cancellationToken)
    {
        var (terms, queryError) = SearchText.ParseQuery(q);
        if (queryError is not null)
        {
            ModelState.AddModelError("q", queryError);
            return new ProblemResult(ProblemDetailsFactory.CreateValidationProblemDetails(HttpContext, ModelState, StatusCodes.Status400BadRequest, detail: Http.JsonProblemDetailsWriter.ValidationDetail));
        }
        var (filter, themeError) = Themes.ThemeFilter.Parse(theme, themes);
        if (themeError is not null)
        {
            return this.InvalidParameterProblem("theme", themeError);
        }
        var (schemes, facetsError) = Themes.ThemeFacets.Parse(facets, themes);
        if (facetsError is not null)
        {
            return this.InvalidParameterProblem("facets", facetsError);
        }
        var graph = await readModel.GetAsync(cancellationToken);
        // Faceted as the lists are (Themes/ThemedPages.cs): each count over everything the terms find, with the
        // concept in place of the theme filter on its scheme.
        var found = graph.Search.Find(terms, relisted, graph);
        var hits = SearchIndex.Within(found, filter!, graph);
        return Page<SearchResultResource>.Create(
            [.. hits.Skip(page.Offset).Take(page.Limit).Select(h => ToResource(h, terms))], hits.Count, page, Request) with
        {
            Facets = Themes.ThemeFacets.Count(schemes!, filter!, found, hit => SearchIndex.Under(graph, hit)),
        };
    }

    private static SearchResultResource ToResource(SearchHit hit, IReadOnlyList<string> terms) => new()
    {
        Type = hit.Document.Type,
        Id = hit.Document.Id,
        Title = hit.Document.Title,
        Score = hit.Score,
        Field = hit.Best.Name,
        Snippet = SearchText.Snippet(hit.Best.Text, terms),
        Links = new Themes.SelfLink
        {
            Self = hit.Document.Type switch
            {
                "goal" => ApiLinks.Goal(hit.Document.Id),
                "measure" => ApiLinks.Measure(hit.Document.Id),
                "sub-measure" => ApiLinks.SubMeasure(hit.Document.Id),
                _ => ApiLinks.Kpi(hit.Document.Id),
            },
        },
    };
}
